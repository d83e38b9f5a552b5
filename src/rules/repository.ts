import type { Rule } from './types.js';

/** Rules about the repository around the models (MA7xxx). */
export const REPOSITORY_RULES: readonly Rule[] = [
  {
    id: 'MA7001',
    name: 'git-lfs-pointer',
    title: 'Git LFS pointer instead of the model',
    family: 'repository',
    severity: 'WARNING',
    description:
      'The file is a Git LFS pointer (a few lines naming the object id and size), not the model it ' +
      'stands for: the checkout did not fetch LFS objects, so the real model was never scanned. A ' +
      'gate that passes such a file has checked nothing.',
    remediation:
      'Fetch LFS objects before scanning: with actions/checkout set `lfs: true`, or run `git lfs pull` ' +
      '(optionally `git lfs pull --include="*.bin,*.pt"`) before modelaudit.',
    references: ['https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md'],
  },
];
