// The deployment files checked without a container engine: docker-compose.yml is valid YAML whose
// services and references hold together (MinIO, its bucket step, no shared app volume, the profile
// `observability`), Prometheus scrapes both processes' metrics paths, and the Grafana dashboard only
// queries metrics the app exports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
}

describe('deployment files', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true, uniqueKeys: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const { services } = compose;

  it('compose: every dependency and named volume exists', () => {
    for (const [name, service] of Object.entries(services)) {
      const needs = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const need of needs) expect(`${name} → ${need}: ${Boolean(services[need])}`).toBe(`${name} → ${need}: true`);
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('./')) expect(() => readFileSync(join(root, source))).not.toThrow(/ENOENT/);
        else expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
  });

  it('compose: the api and the worker keep files in MinIO and share no volume', () => {
    expect(services.minio.image).toMatch(/^minio\/minio/);
    expect(services['minio-setup'].image).toMatch(/^minio\/mc/);
    expect(compose.volumes).not.toHaveProperty('appdata');
    for (const name of ['api', 'worker']) {
      const service = services[name];
      expect(service.volumes ?? []).toEqual([]);
      expect(service.environment).toMatchObject({ S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: 'open-cities', S3_FORCE_PATH_STYLE: 'true' });
      expect(service.depends_on).toMatchObject({ 'minio-setup': { condition: 'service_completed_successfully' } });
    }
    expect(services['minio-setup']).toHaveProperty('entrypoint', expect.arrayContaining([expect.stringContaining('mc mb --ignore-existing local/open-cities')]));
    expect(services.worker.environment).toMatchObject({ METRICS_PORT: '9464' });
  });

  it('compose: Prometheus and Grafana come with the profile observability only', () => {
    expect(services.prometheus.profiles).toEqual(['observability']);
    expect(services.grafana.profiles).toEqual(['observability']);
    for (const name of ['postgres', 'redis', 'minio', 'api', 'worker']) expect(services[name].profiles).toBeUndefined();
  });

  it('Prometheus scrapes the api and the worker on their metrics paths with the token', () => {
    const config = parse(read('deploy/prometheus/prometheus.yml')) as { scrape_configs: { job_name: string; metrics_path: string; authorization: { credentials_file: string }; dns_sd_configs: { names: string[]; port: number }[] }[] };
    const jobs = Object.fromEntries(config.scrape_configs.map((job) => [job.job_name, job]));
    expect(jobs['open-cities-api']).toMatchObject({ metrics_path: '/api/metrics', dns_sd_configs: [{ names: ['api'], port: 3000 }] });
    expect(jobs['open-cities-worker']).toMatchObject({ metrics_path: '/metrics', dns_sd_configs: [{ names: ['worker'], port: 9464 }] });
    for (const job of config.scrape_configs) expect(job.authorization.credentials_file).toBe('/prometheus/metrics-token');
  });

  it('the Grafana dashboard queries only metrics the app exports', () => {
    const dashboard = JSON.parse(read('deploy/grafana/open-cities.json')) as { uid: string; panels: { targets: { expr: string; datasource: { uid: string } }[] }[] };
    const datasource = parse(read('deploy/grafana/provisioning/datasources/prometheus.yml')) as { datasources: { uid: string }[] };
    const sources = read('libs/domain/src/metrics/metrics.service.ts') + read('libs/api/src/http-metrics.ts');
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    for (const target of dashboard.panels.flatMap((panel) => panel.targets)) {
      expect(target.datasource.uid).toBe(datasource.datasources[0].uid);
      for (const [name] of target.expr.matchAll(/open_cities_\w+/g)) expect(sources).toContain(`'${name.replace(/_(bucket|count|sum)$/, '')}'`);
    }
  });
});
