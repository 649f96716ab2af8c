/**
 * danfojs-node, loaded with its heavy optional parts deferred. danfo requires mathjs (about
 * 60% of its load time; used only by a few statistics such as median and mode), xlsx and
 * request (Excel and URL reading) when it is loaded, whatever a program then uses. Here those
 * requires made from inside danfojs return a stand-in that loads the real module on first
 * property access, so `readTable` pays for them only when a frame actually calls into them.
 */
import Module = require('node:module');

const DEFERRED = new Set(['mathjs', 'xlsx', 'request']);

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

/** A stand-in for a module that loads it on first use. */
function deferred(load: () => object): object {
  let real: object | null = null;
  const target = (): object => (real ??= load());
  return new Proxy({}, {
    get: (_t, key) => Reflect.get(target(), key),
    has: (_t, key) => Reflect.has(target(), key),
    set: (_t, key, value) => Reflect.set(target(), key, value),
  });
}

let installed = false;

/**
 * From now on, requires of mathjs, xlsx and request made by danfojs' own files return a
 * stand-in that loads the module on first use (idempotent). Call it before danfojs-node is
 * first required; other modules' requires are untouched.
 */
export function installDanfoDeferral(): void {
  if (installed) return;
  installed = true;
  const m = Module as unknown as { _load: Loader };
  const original = m._load;
  m._load = function load(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
    if (DEFERRED.has(request) && ((parent as { filename?: string } | null)?.filename ?? '').includes('danfojs')) {
      return deferred(() => original.call(this, request, parent, isMain) as object);
    }
    return original.call(this, request, parent, isMain);
  };
}

let danfo: typeof import('danfojs-node') | null = null;

/** danfojs-node, loaded once, with mathjs, xlsx and request deferred. */
export function loadDanfo(): typeof import('danfojs-node') {
  if (!danfo) {
    installDanfoDeferral();
    danfo = require('danfojs-node') as typeof import('danfojs-node');
  }
  return danfo;
}
