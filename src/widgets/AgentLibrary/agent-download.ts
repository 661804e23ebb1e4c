/** An agent as a file: its name (what the export button and the share sheet call it) and its download. */
import { serialiseAgent, type AgentFile } from '@/lib/agent-file';
import { downloadBlob } from '@/lib/export';

export const agentFileName = (a: AgentFile) =>
  `${a.name.replace(/[^\w.-]+/g, '-') || 'agent'}.${a.env}.agent.json`;

export function downloadAgent(a: AgentFile): void {
  downloadBlob(agentFileName(a), new Blob([serialiseAgent(a)], { type: 'application/json' }));
}
