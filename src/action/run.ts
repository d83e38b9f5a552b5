/**
 * The Action, start to end: inputs → which files → scan → annotations → SARIF file and upload →
 * job summary → outputs → the gate, last. Only this module talks to the runner (@actions/core);
 * the steps it calls return data.
 */
import * as core from '@actions/core';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { ConfigError, type ScanOptionsInput } from '../options/options.js';
import { scanDiscovery } from '../pipeline/engine.js';
import { GlobError } from '../discover/globs.js';
import { printable } from '../report/escape.js';
import { buildSarif } from '../report/sarif.js';
import { countedFindings } from '../verdict/verdict.js';
import { findRule } from '../rules/registry.js';
import {
  lfsWarning,
  planAnnotations,
  type Annotation,
  type AnnotationLevel,
} from './annotations.js';
import { detectChanges, type Scope } from './changes.js';
import { categoryOf, uploadDecision, uploadRef } from './code-scanning.js';
import { isForkPullRequest, readContext, type ActionContext } from './context.js';
import { evaluateGate } from './gate.js';
import { Git } from './git.js';
import { GitHubClient } from './github-client.js';
import { InputError, parseInputs, type ActionInputs } from './inputs.js';
import { withSignatureFindings } from './signatures.js';
import { writeUntrusted } from './log.js';
import { selectTargets, type Selection } from './select.js';
import { renderSummary } from './summary.js';
import { formatLogReport } from './text-log.js';
import { processingNotice, uploadSarif } from './upload.js';
import { viewOf, type JudgedReport, type ReportView } from './view.js';

/** The findings output is capped so it stays usable with fromJSON() and job outputs. */
const MAX_FINDINGS_OUTPUT_BYTES = 256 * 1024;

/** The Action's outputs; a test keeps action.yml's list equal to this one. */
export const OUTPUT_NAMES = [
  'status',
  'files-scanned',
  'error-count',
  'warning-count',
  'info-count',
  'findings-count',
  'findings',
  'findings-truncated',
  'sarif-file',
  'sarif-id',
  'category',
  'report-file',
] as const;

/** Emits annotations through @actions/core and counts them per level. */
class Annotator {
  readonly used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };

  emit(a: Annotation): void {
    this.used[a.level]++;
    const props: core.AnnotationProperties = {
      ...(a.title ? { title: a.title } : {}),
      ...(a.file ? { file: a.file } : {}),
      ...(a.startLine !== undefined ? { startLine: a.startLine } : {}),
    };
    core[a.level](a.message, props);
  }
}

export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const t0 = performance.now();
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const ctx = readContext(env);
    checkPolicyFile(inputs, ctx);
    process.chdir(ctx.workspace);
    await runScan(inputs, ctx, t0);
  } catch (err) {
    if (err instanceof InputError || err instanceof GlobError)
      core.setFailed(`modelaudit: ${err.message}`);
    else if (err instanceof ConfigError)
      core.setFailed(`modelaudit: invalid input: ${err.message}`);
    else
      core.setFailed(
        `modelaudit: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
  }
}

function checkPolicyFile(inputs: ActionInputs, ctx: ActionContext): void {
  if (inputs.policyFile === undefined) return;
  const path = resolve(ctx.workspace, inputs.policyFile);
  if (!existsSync(path) || !statSync(path).isFile())
    throw new InputError([`policy file ${inputs.policyFile} does not exist in the workspace`]);
}

async function runScan(inputs: ActionInputs, ctx: ActionContext, t0: number): Promise<void> {
  const startedAt = new Date().toISOString();
  const annotator = new Annotator();
  const api = inputs.token
    ? new GitHubClient({ baseUrl: ctx.apiUrl, token: inputs.token })
    : undefined;
  const git = new Git(ctx.workspace);

  // Which files.
  const scope = await findScope(inputs, ctx, api, git, annotator);
  const selection = await selectTargets(scope, {
    workspace: '.', // run() moved into the workspace: reported paths are relative to it
    paths: inputs.paths,
    exclude: inputs.exclude,
    followSymlinks: inputs.settings.followSymlinks,
    shardIndex: inputs.shardIndex,
    shardCount: inputs.shardCount,
  });
  const scopeText = describeScope(scope, selection, inputs);
  core.info(printable(`modelaudit: ${scopeText}`));
  for (const s of selection.skipped) core.info(printable(`  not scanned: ${s.path}: ${s.reason}`));

  // Scan, and print the report with workflow commands disabled (it quotes scanned content),
  // counting what the summary counts; with a name policy, the models and their verdicts too.
  const scanStart = performance.now();
  const options = scanOptions(inputs, ctx);
  const report = (await withSignatureFindings(
    await scanDiscovery(selection.discovery, options),
    inputs.signatures,
    ctx.workspace,
  )) as JudgedReport;
  const scanSeconds = (performance.now() - scanStart) / 1000;
  // Everything below renders the verdict the scan returned; nothing decides again.
  const view = viewOf(report);
  core.startGroup('modelaudit report');
  writeUntrusted(
    (s) => process.stdout.write(s),
    formatLogReport(view, {
      models: inputs.settings.blacklist.length > 0 || inputs.policyFile !== undefined,
    }),
  );
  core.endGroup();

  // Annotations: findings, then the LFS warning (even with annotations off: it is never a
  // silent pass), then how many findings were not shown.
  const plan =
    inputs.annotateFrom !== undefined
      ? planAnnotations(view, inputs.annotateFrom, annotator.used)
      : undefined;
  for (const a of plan?.annotations ?? []) annotator.emit(a);
  const lfs = lfsWarning(view.lfsPointers);
  if (lfs) annotator.emit(lfs);
  if (plan?.overflow) annotator.emit(plan.overflow);

  // SARIF and the JSON report, written to files; then the upload.
  const category = categoryOf(scope, inputs);
  const headSha = (await git.head()) ?? (ctx.sha || undefined);
  const ref = uploadRef(ctx, headSha);
  const sarif = JSON.stringify(
    buildSarif(report, {
      category,
      srcRoot: ctx.workspace,
      ...(ctx.owner && headSha
        ? {
            versionControl: {
              repositoryUri: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`,
              revisionId: headSha,
              ...(ref ? { branch: ref } : {}),
            },
          }
        : {}),
    }),
    null,
    2,
  );
  const files = outputFiles(inputs, ctx, category);
  writeOrWarn(files.sarifPath, sarif + '\n', annotator);
  writeOrWarn(files.reportPath, JSON.stringify(report, null, 2) + '\n', annotator);

  let uploadText: string;
  let sarifId = '';
  const decision = uploadDecision(scope, ctx, inputs, ref, headSha);
  if (!decision.upload || !api) {
    uploadText = decision.upload ? 'not uploaded (no token)' : decision.text;
    if (!decision.upload && decision.annotation) annotator.emit(decision.annotation);
  } else {
    const result = await uploadSarif(api, {
      owner: ctx.owner,
      repo: ctx.repo,
      sarif,
      commitSha: headSha!,
      ref,
      checkoutUri: pathToFileURL(ctx.workspace).href,
      startedAt,
      fork: isForkPullRequest(ctx),
      sarifPath: files.sarifPath,
      waitForProcessing: inputs.waitForProcessing,
    });
    if (result.status === 'uploaded') {
      sarifId = result.id;
      const processed =
        result.processing.status === 'complete'
          ? ', processed'
          : result.processing.status === 'failed'
            ? ', processing failed'
            : '';
      uploadText = `uploaded to code scanning (${ref}, id ${result.id}${processed})`;
      core.info(printable(`modelaudit: SARIF uploaded to code scanning: ${result.id}`));
      const notice = processingNotice(result.processing, files.sarifPath);
      if (notice)
        annotator.emit({
          level: notice.level,
          title: 'modelaudit: code scanning processing',
          message: notice.message,
        });
    } else {
      uploadText = `upload failed${result.httpStatus ? ` (HTTP ${result.httpStatus})` : ''}`;
      annotator.emit({
        level: 'warning',
        title: 'modelaudit: SARIF not uploaded',
        message: result.warning,
      });
    }
  }

  // The summary and the outputs, then the gate, last.
  const gate = evaluateGate(view);
  const notes: string[] = [];
  if (scope.kind === 'all' && scope.fallback)
    notes.push(`Changed files unknown (${scope.reason}): every selected file was scanned.`);
  if (scope.kind === 'changes' && scope.note)
    notes.push(`${scope.note}: the changed files came from git diff.`);
  const summary = renderSummary({
    view,
    gate,
    failOn: inputs.failOn,
    scopeText,
    notes,
    shard: { index: inputs.shardIndex, count: inputs.shardCount },
    units: selection.units,
    deleted: selection.deleted,
    skipped: selection.skipped,
    scanSeconds,
    totalSeconds: (performance.now() - t0) / 1000,
    sarif: { file: files.sarifPath, category, upload: uploadText },
  });
  await writeSummary(summary.markdown);
  setOutputs(view, gate.failed, { ...files, sarifId, category });
  if (gate.failed) core.setFailed(gate.message);
  else core.info(`modelaudit: passed. ${gate.message}`);
}

async function findScope(
  inputs: ActionInputs,
  ctx: ActionContext,
  api: GitHubClient | undefined,
  git: Git,
  annotator: Annotator,
): Promise<Scope> {
  if (inputs.scan === 'all') return { kind: 'all', reason: 'scan: all', fallback: false };
  core.startGroup('modelaudit: finding the changed files');
  const scope = await detectChanges(ctx, { api, git, log: (m) => core.info(printable(m)) });
  core.endGroup();
  if (scope.kind === 'all' && scope.fallback)
    annotator.emit({
      level: 'warning',
      title: 'modelaudit: scanning all files',
      message: `Could not list the files changed by this event (${scope.reason}), so every file selected by paths is scanned instead. For git-based detection, check out with enough history (actions/checkout fetch-depth: 0 or 2).`,
    });
  return scope;
}

/** The shared options as the inputs gave them (scan() parses them with the same schema). */
function scanOptions(inputs: ActionInputs, ctx: ActionContext): ScanOptionsInput {
  return {
    ...inputs.scanOptions,
    ...(inputs.policyFile !== undefined
      ? { policy: resolve(ctx.workspace, inputs.policyFile) }
      : {}),
  };
}

function describeScope(scope: Scope, selection: Selection, inputs: ActionInputs): string {
  const n = selection.totalTargets;
  const shard =
    inputs.shardCount > 1
      ? `, ${selection.targets.length} in shard ${inputs.shardIndex} of ${inputs.shardCount}`
      : '';
  const targets = `${n} target${n === 1 ? '' : 's'}${shard}`;
  if (scope.kind === 'all') return `all files selected by paths (${scope.reason}): ${targets}`;
  const how = { 'github-api': 'GitHub API', 'git-diff': 'git diff', event: 'event' }[scope.source];
  const parts = [
    `${scope.files.length} changed (${how})`,
    `${selection.changedSelected ?? 0} selected by paths`,
  ];
  if (selection.deleted.length) parts.push(`${selection.deleted.length} deleted`);
  if (selection.renamed.length) parts.push(`${selection.renamed.length} renamed`);
  return `changed files of ${scope.description}: ${parts.join(', ')}; ${targets}`;
}

/** Where the SARIF file and the JSON report go (RUNNER_TEMP unless sarif-file says). */
function outputFiles(
  inputs: ActionInputs,
  ctx: ActionContext,
  category: string,
): { sarifPath: string; reportPath: string } {
  const slug = category.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  const stem = slug.startsWith('modelaudit') ? slug : `modelaudit-${slug}`;
  return {
    sarifPath: inputs.sarifFile
      ? resolve(ctx.workspace, inputs.sarifFile)
      : fileIn(ctx.runnerTemp, `${stem}.sarif`),
    reportPath: fileIn(ctx.runnerTemp, `${stem}.json`),
  };
}

/**
 * `dir/name` for a directory known only at run time. Deliberately plain string work: ncc's
 * asset relocator rewrites path.resolve(x, "name.json") into a path beside the bundle.
 */
function fileIn(dir: string, name: string): string {
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}

function writeOrWarn(path: string, content: string, annotator: Annotator): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  } catch (err) {
    annotator.emit({
      level: 'warning',
      title: 'modelaudit: file not written',
      message: `Could not write ${path}: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
}

/** Writes the job summary; a failure to write is logged and never fails the step. */
async function writeSummary(markdown: string): Promise<void> {
  const target = process.env.GITHUB_STEP_SUMMARY;
  if (!target) {
    core.info('modelaudit: no job summary (GITHUB_STEP_SUMMARY is not set)');
    return;
  }
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (err) {
    core.info(
      printable(
        `modelaudit: could not write the job summary to ${target}: ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
  } finally {
    core.summary.emptyBuffer();
  }
}

function setOutputs(
  view: ReportView,
  failed: boolean,
  files: { sarifPath: string; sarifId: string; category: string; reportPath: string },
): void {
  const c = view.counts;
  const total = c.ERROR + c.WARNING + c.INFO;
  const { json, truncated } = findingsJson(view);
  const outputs: Record<(typeof OUTPUT_NAMES)[number], string | number | boolean> = {
    status: failed ? 'failed' : total > 0 ? 'findings' : 'clean',
    'files-scanned': view.report.totals.files,
    'error-count': c.ERROR,
    'warning-count': c.WARNING,
    'info-count': c.INFO,
    'findings-count': total,
    findings: json,
    'findings-truncated': truncated,
    'sarif-file': files.sarifPath,
    'sarif-id': files.sarifId,
    category: files.category,
    'report-file': files.reportPath,
  };
  for (const name of OUTPUT_NAMES) core.setOutput(name, outputs[name]);
}

/** The counted findings as compact JSON, most severe first, cut to a size outputs can carry. */
export function findingsJson(view: ReportView): { json: string; truncated: boolean } {
  const rank = { ERROR: 2, WARNING: 1, INFO: 0 } as const;
  const rows = view.report.files
    .flatMap((file) =>
      countedFindings(view.verdict, file).map((f) => ({
        path: file.path,
        ruleId: f.ruleId,
        rule: findRule(f.ruleId)?.name ?? f.ruleId,
        severity: f.severity,
        message: f.message,
        ...(f.evidence !== undefined ? { evidence: f.evidence.slice(0, 500) } : {}),
        ...(f.location.member !== undefined ? { member: f.location.member } : {}),
      })),
    )
    .sort((a, b) => rank[b.severity] - rank[a.severity] || a.path.localeCompare(b.path));
  const out: string[] = [];
  let size = 2;
  for (const r of rows) {
    const s = JSON.stringify(r);
    if (size + s.length + 1 > MAX_FINDINGS_OUTPUT_BYTES)
      return { json: `[${out.join(',')}]`, truncated: true };
    out.push(s);
    size += s.length + 1;
  }
  return { json: `[${out.join(',')}]`, truncated: false };
}
