/**
 * The panel's settings in the URL (`?<preset>.seed=3&<preset>.lr=0.001…`), generated from the algorithm's field
 * table in src/spec: every field with a URL key becomes a parameter with the table's range (an "off" value such as
 * ε = ∞ gets its own switch, `noclip`), and the preset's values are the defaults, so an untouched panel adds nothing
 * to the URL. A link whose values are each in range but break a rule across fields (work limits, minibatches that
 * do not split the batch) is repaired by `linkConfig`, with a notice.
 */
import { bool, int, num, oneOf, type ParamSpec, type ParamSpecs } from '@/lib/url-state';
import {
  algoSpec,
  BACKEND_CHOICES,
  repairConfig,
  type BackendChoice,
  type Field,
  type TrainConfig,
} from '@/spec';

type Values = Record<string, number | boolean | string>;

/** The parameter(s) of one field with `d` as default; labels and scales are what the kit's controls show. */
function paramsOf(f: Field, d: unknown): [string, ParamSpec][] {
  if (!f.url) return [];
  // Settings that need a restart are starred (the panel's legend says so).
  const label = `${f.label}${f.live ? '' : ' *'}`;
  switch (f.kind) {
    case 'num': {
      const off = f.off && Object.is(d, f.off.value);
      const dflt = off ? f.default : (d as number);
      const p: [string, ParamSpec][] = [
        [f.url, num({ min: f.min, max: f.max, step: f.step, log: f.log, label, default: dflt })],
      ];
      if (f.off) p.push([f.off.url, bool(!!off, { label: f.off.label })]);
      return p;
    }
    case 'int':
      return [[f.url, int({ min: f.min, max: f.max, log: f.log, label, default: d as number })]];
    case 'bool':
      return [[f.url, bool(d as boolean, { label })]];
    case 'enum': {
      const labels = Object.fromEntries(f.options.map((o) => [o.value, o.label]));
      const values = f.options.map((o) => o.value);
      return [[f.url, oneOf(values, d as string, { label, labels })]];
    }
  }
}

export function specsFor(cfg: TrainConfig, backend: BackendChoice): ParamSpecs {
  const out: ParamSpecs = {};
  const c = cfg as unknown as Record<string, unknown>;
  for (const [k, f] of Object.entries(algoSpec(cfg.algo).fields))
    for (const [u, s] of paramsOf(f, c[k])) out[u] = s;
  out.backend = oneOf(BACKEND_CHOICES, backend, { label: 'Backend' });
  return out;
}

/** The config the URL values describe on top of the preset (fields without a URL key keep the preset's value). */
export function configFromParams(base: TrainConfig, v: Values): TrainConfig {
  const out: Record<string, unknown> = { ...base };
  for (const [k, f] of Object.entries(algoSpec(base.algo).fields)) {
    if (!f.url || !(f.url in v)) continue;
    out[k] = f.kind === 'num' && f.off && v[f.off.url] === true ? f.off.value : v[f.url];
  }
  return out as TrainConfig;
}

/** URL values for a config and backend choice (an "off" value keeps the field's default behind its switch). */
export function paramsFromConfig(cfg: TrainConfig, backend: BackendChoice): Values {
  const out: Values = { backend };
  const c = cfg as unknown as Record<string, number | boolean | string>;
  for (const [k, f] of Object.entries(algoSpec(cfg.algo).fields)) {
    if (!f.url) continue;
    if (f.kind === 'num' && f.off) {
      const off = Object.is(c[k], f.off.value);
      out[f.url] = off ? f.default : c[k];
      out[f.off.url] = off;
    } else out[f.url] = c[k];
  }
  return out;
}

/** The link's config made valid as a whole (rules across fields), with a notice per repaired rule. */
export function linkConfig(base: TrainConfig, v: Values): { config: TrainConfig; notices: string[] } {
  return repairConfig(configFromParams(base, v), base);
}
