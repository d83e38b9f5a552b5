/**
 * Static analysis of Jinja chat templates (GGUF tokenizer.chat_template, Hugging Face
 * tokenizer_config.json chat_template): parses, never renders, and reports constructs that can
 * escape a sandboxed renderer. Implemented by the LLM-formats issue; this is its interface.
 */

export interface TemplateIssue {
  /** Rule ID (MA5xxx) the caller reports. */
  readonly ruleId: string;
  readonly message: string;
  /** The offending expression or construct, as it appears in the template. */
  readonly evidence: string;
  /** 1-based line in the template, when known. */
  readonly line?: number;
}

/** Analyzes one template; never throws (a template that cannot be parsed is an issue too). */
export function analyzeTemplate(_template: string): TemplateIssue[] {
  return [];
}
