// Small constructors so every check reads the same: id, title, status, one-line summary, evidence lines.
import type { CheckResult } from '../../../shared/verdict.js';

export const pass = (id: string, title: string, summary: string, evidence: string[] = []): CheckResult => ({ id, title, status: 'pass', summary, evidence });
export const fail = (id: string, title: string, summary: string, evidence: string[] = []): CheckResult => ({ id, title, status: 'fail', summary, evidence });
export const skip = (id: string, title: string, summary: string, evidence: string[] = []): CheckResult => ({ id, title, status: 'skip', summary, evidence });

export const s1 = (x: number) => `${Math.round(x * 10) / 10} s`;
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
