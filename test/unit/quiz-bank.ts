/** A synthetic compiled bank for quiz unit tests. */
import type { CompiledQuestion } from '../../src/store.js';

export function question(id: string, module = id.split('-')[0]!, extra: Partial<CompiledQuestion> = {}): CompiledQuestion {
  return {
    id,
    module,
    moduleTitle: `${module} title`,
    tags: [module === 'alpha' ? 'mechanism' : 'mood'],
    difficulty: 'easy',
    question: `Question ${id}?`,
    choices: [
      { text: `${id} right`, correct: true },
      { text: `${id} wrong 1`, correct: false, why: 'No (Li et al., 2010).' },
      { text: `${id} wrong 2`, correct: false, why: 'Also no.' },
    ],
    explanation: `Because of ${id} (Li et al., 2010).`,
    sources: [{ key: 'li2010', inText: '(Li et al., 2010)', reference: 'Li, N. (2010). A study. Science.' }],
    ...extra,
  };
}

export const BANK: CompiledQuestion[] = [
  ...['alpha-01', 'alpha-02', 'alpha-03', 'alpha-04'].map((id) => question(id)),
  ...['beta-01', 'beta-02', 'beta-03'].map((id) => question(id, 'beta', { difficulty: 'hard' })),
];
