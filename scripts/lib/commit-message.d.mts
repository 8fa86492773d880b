export declare const SUBJECT_MAX: number;
/** What is wrong with a commit message, as sentences; [] when it keeps the rule. */
export declare function commitMessageProblems(message: string): string[];
