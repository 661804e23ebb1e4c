/**
 * The reader's saved agents, in IndexedDB (one entry per agent, store `proximal-agents`), listed with their returns.
 * IndexedDB can be missing or fail (private browsing, quota, a blocked database): then the library says so in
 * `problem`, keeps the agents of this visit in memory and goes on working — export them to keep them.
 */
import { createStore as createZustand } from 'zustand/vanilla';
import { createStore as createIdbStore, del, entries, set, type UseStore } from 'idb-keyval';
import { validateAgent, type AgentFile } from './agent-file';

export interface SavedAgent {
  id: string;
  agent: AgentFile;
}

/** Where the agents are kept (IndexedDB in the browser; a map or a failing stub in tests). */
export interface AgentBackend {
  list(): Promise<Array<[string, unknown]>>;
  put(id: string, agent: AgentFile): Promise<void>;
  remove(id: string): Promise<void>;
}

export interface LibraryState {
  agents: SavedAgent[];
  loaded: boolean;
  /** Why agents are not being kept across visits, if they are not. */
  problem: string | null;
  /** Entries found in storage that are not valid agents (skipped, left untouched). */
  skipped: number;
}

export function idbBackend(): AgentBackend {
  let store: UseStore | null = null;
  const db = () => {
    if (typeof indexedDB === 'undefined') throw new Error('this browser offers no IndexedDB');
    store ??= createIdbStore('proximal-agents', 'agents');
    return store;
  };
  return {
    list: async () => (await entries(db())) as Array<[string, unknown]>,
    put: (id, agent) => set(id, agent, db()),
    remove: (id) => del(id, db()),
  };
}

const describe = (e: unknown) => {
  const m =
    e instanceof Error ? `${e.name === 'QuotaExceededError' ? 'storage is full' : e.message}` : String(e);
  return `Saved agents cannot be kept in this browser (${m}); they stay until you reload. Export them to keep them.`;
};

export function createAgentLibrary(backend: AgentBackend) {
  const store = createZustand<LibraryState>(() => ({ agents: [], loaded: false, problem: null, skipped: 0 }));
  const sorted = (a: SavedAgent[]) => [...a].sort((x, y) => (x.agent.savedAt < y.agent.savedAt ? 1 : -1));

  async function load() {
    try {
      const rows = await backend.list();
      const agents: SavedAgent[] = [];
      let skipped = 0;
      for (const [id, value] of rows) {
        const v = validateAgent(value);
        if (v.ok) agents.push({ id: String(id), agent: v.agent });
        else skipped++;
      }
      store.setState({ agents: sorted(agents), loaded: true, skipped });
    } catch (e) {
      store.setState({ loaded: true, problem: describe(e) });
    }
  }

  async function save(agent: AgentFile): Promise<SavedAgent> {
    const id = `${agent.env}:${agent.savedAt}:${Math.random().toString(36).slice(2, 8)}`;
    const entry = { id, agent };
    store.setState((s) => ({ agents: sorted([...s.agents, entry]) }));
    if (!store.getState().problem) {
      try {
        await backend.put(id, agent);
      } catch (e) {
        store.setState({ problem: describe(e) });
      }
    }
    return entry;
  }

  async function rename(id: string, name: string) {
    const entry = store.getState().agents.find((a) => a.id === id);
    if (!entry) return;
    const agent = { ...entry.agent, name: name.slice(0, 200) };
    store.setState((s) => ({ agents: s.agents.map((a) => (a.id === id ? { id, agent } : a)) }));
    if (!store.getState().problem)
      await backend.put(id, agent).catch((e) => store.setState({ problem: describe(e) }));
  }

  async function remove(id: string) {
    store.setState((s) => ({ agents: s.agents.filter((a) => a.id !== id) }));
    if (!store.getState().problem)
      await backend.remove(id).catch((e) => store.setState({ problem: describe(e) }));
  }

  return { store, load, save, rename, remove };
}

export type AgentLibrary = ReturnType<typeof createAgentLibrary>;

let shared: AgentLibrary | null = null;
/** The page's one library (loaded on first use). */
export function agentLibrary(): AgentLibrary {
  if (!shared) {
    shared = createAgentLibrary(idbBackend());
    void shared.load();
  }
  return shared;
}
