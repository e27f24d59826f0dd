import { judgeAudit } from '../../scripts/audit-deps.js';

/** `npm audit --json` (report version 2) with the given findings. */
function report(vulnerabilities: Record<string, { severity: string; via: unknown[]; range?: string; fixAvailable?: boolean }>): string {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 };
  for (const v of Object.values(vulnerabilities)) {
    counts[v.severity as keyof typeof counts]++;
    counts.total++;
  }
  const named = Object.fromEntries(
    Object.entries(vulnerabilities).map(([name, v]) => [name, { name, isDirect: false, effects: [], nodes: [], ...v }]),
  );
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: named,
    metadata: { vulnerabilities: counts, dependencies: { prod: 100, dev: 0, total: 100 } },
  });
}

const advisory = (url: string, severity: string) => ({
  source: 1,
  name: 'x',
  dependency: 'x',
  title: 'Prototype pollution',
  url,
  severity,
  range: '<1.2.3',
});

describe('judgeAudit', () => {
  it('passes a report without high or critical findings', () => {
    const verdict = judgeAudit(
      report({ lodash: { severity: 'moderate', via: [advisory('https://github.com/advisories/GHSA-1', 'moderate')] } }),
    );
    expect(verdict).toEqual({ kind: 'clean', counts: expect.objectContaining({ moderate: 1, high: 0 }) });
  });

  it('fails on high and critical findings, naming package and advisory', () => {
    const verdict = judgeAudit(
      report({
        protobufjs: {
          severity: 'critical',
          via: [advisory('https://github.com/advisories/GHSA-h755', 'critical')],
          range: '6.10.0 - 6.11.3',
          fixAvailable: true,
        },
        'onnxruntime-web': { severity: 'high', via: ['protobufjs'] },
      }),
    );
    expect(verdict.kind).toBe('vulnerable');
    if (verdict.kind !== 'vulnerable') return;
    expect(verdict.findings).toEqual([
      'protobufjs (critical, 6.10.0 - 6.11.3): https://github.com/advisories/GHSA-h755 — fix available',
      'onnxruntime-web (high): via protobufjs',
    ]);
  });

  it('lets accepted advisories through, and only those', () => {
    const json = report({
      a: { severity: 'high', via: [advisory('https://github.com/advisories/GHSA-ok', 'high')] },
      b: {
        severity: 'high',
        via: [advisory('https://github.com/advisories/GHSA-ok', 'high'), advisory('https://github.com/advisories/GHSA-new', 'high')],
      },
    });
    const verdict = judgeAudit(json, ['https://github.com/advisories/GHSA-ok']);
    expect(verdict).toMatchObject({
      kind: 'vulnerable',
      findings: [expect.stringMatching(/^b /)],
      accepted: [expect.stringMatching(/^a /)],
    });
  });

  it('reports an unreachable or refusing audit service as unavailable, not as clean or vulnerable', () => {
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '' },
    });
    expect(judgeAudit(refused)).toEqual({ kind: 'unavailable', reason: expect.stringMatching(/405/) });
    expect(judgeAudit('')).toMatchObject({ kind: 'unavailable' });
    expect(judgeAudit('npm ERR! network')).toMatchObject({ kind: 'unavailable' });
  });
});
