// The lockfile's known vulnerabilities, from the package manager's own audit (issue 8): high or
// critical ones fail the test command. Where the registry does not answer audits (some mirrors
// and proxies refuse the endpoint), the check says so plainly and is not counted either way.
import { spawnSync } from 'node:child_process';

export type AuditOutcome =
  | { kind: 'checked'; counts: Record<'info' | 'low' | 'moderate' | 'high' | 'critical', number>; advisories: string[] }
  | { kind: 'unavailable'; reason: string };

/** Pure: reads `pnpm audit --json` output (an audit report, or an error the registry caused). */
export function parseAudit(stdout: string): AuditOutcome {
  let report: any;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { kind: 'unavailable', reason: 'the audit gave no report' };
  }
  if (report?.error)
    return {
      kind: 'unavailable',
      reason: `${report.error.code ?? 'error'}: ${String(report.error.message ?? '')
        .split('\n')[0]
        .slice(0, 200)}`,
    };
  const v = report?.metadata?.vulnerabilities;
  if (!v) return { kind: 'unavailable', reason: 'the audit report has no summary' };
  const advisories = Object.values(report.advisories ?? {})
    .filter((a: any) => a.severity === 'high' || a.severity === 'critical')
    .map((a: any) => `${a.severity}: ${a.module_name} ${a.vulnerable_versions} — ${a.title} (${a.url})`);
  return {
    kind: 'checked',
    counts: {
      info: v.info ?? 0,
      low: v.low ?? 0,
      moderate: v.moderate ?? 0,
      high: v.high ?? 0,
      critical: v.critical ?? 0,
    },
    advisories,
  };
}

export function auditDependencies(root: string): AuditOutcome {
  const r = spawnSync('pnpm', ['audit', '--json'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) return { kind: 'unavailable', reason: r.error.message };
  return parseAudit(r.stdout);
}
