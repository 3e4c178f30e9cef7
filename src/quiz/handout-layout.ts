/**
 * The layout shared by the compile's quiz-markdown.txt (bank-build.ts), its reader
 * (markdown-bank.ts) and the module that writes handouts from it (handout-wasm-code.ts).
 */

/**
 * A table row: [choices, key, start, then the end of each text: id, question, 5 choices, 5
 * why-nots, explanation, help, tail], each in NUMBER_DIGITS digits of 6 bits, most significant
 * first, a digit's character '0' (48) plus its value: read without a loop or a branch (hex
 * digits, read in a loop, cost ~1M instructions over the bank).
 */
export const ROW_NUMBERS = 18;
export const NUMBER_DIGITS = 4;
export const DIGIT_BITS = 6;
export const DIGIT_ZERO = 48;
export const ROW_DIGITS = ROW_NUMBERS * NUMBER_DIGITS;
export const MOST_CHOICES = 5;

/** The own texts' numbers in the pieces' list; CHOICE, LETTER, FIRST_WHY and NEXT_WHY come one a letter. */
export const PIECE = { open: 0, stem: 1, nl: 2, end: 3, keys: 4, key: 5, why: 6, gap: 7, choice: 8, letter: 13, firstWhy: 18, nextWhy: 23, count: 28 } as const;
