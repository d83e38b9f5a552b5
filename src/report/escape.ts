/**
 * Untrusted text made safe for people to read. File names come from pull requests and archives,
 * messages and evidence from scanned bytes: printed raw, a line break followed by "::error::"
 * becomes a workflow command when the CLI runs in a workflow step, ESC sequences clear or
 * rewrite the terminal, CR overwrites what came before on the line, and bidi overrides or
 * invisible characters make a name read as something it is not ("evil\u202Elkp.txt").
 *
 * `printable` is the one escaping step of every human-readable renderer (text report, progress
 * lines, job summary, annotations, workflow log, SARIF message text); each renderer adds its own
 * syntax escaping (Markdown, workflow-command data) on top. Machine formats (JSON, SARIF
 * properties and URIs) keep the exact strings: JSON.stringify and percent-encoding are already
 * exact and safe there.
 */

/**
 * Characters that are never shown as themselves: C0 and C1 controls (line breaks, ESC, BEL, CR,
 * DEL…), line and paragraph separators, format characters (bidi embeddings, overrides and
 * isolates, zero-width spaces and joiners, the BOM, invisible tag characters) and lone
 * surrogates.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** `s` with every unsafe character written as a visible `\u001b` / `\u{e0041}` escape. */
export function printable(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const cp = ch.codePointAt(0)!;
    const hex = cp.toString(16);
    return cp > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
  });
}
