/**
 * What a widget frame (src/mdx/Widget.tsx) learns about the widget inside it while it renders: the URL ids and
 * parameter tables it keeps in the URL (`useUrlParams` registers them) and the readouts it shows (`Readout` and
 * `Chart` with a `testId` register them). The frame uses this to apply and check assignment links (hide / lock,
 * src/lib/assignment.ts), to offer the assignment builder, and to save the widget's state as a lesson scene. One
 * place for each fact: the ids are the widget's own field names and test ids, nothing is declared twice.
 */
import { createContext, useContext } from 'react';
import { NO_ASSIGNMENT, readAssignment, type Assignment } from './assignment';
import type { ParamSpecs } from './url-params';

export class FrameRegistry {
  /** URL id → the parameter table kept under it. */
  readonly params = new Map<string, ParamSpecs>();
  /** Readout id → what the reader sees it called. */
  readonly readouts = new Map<string, string>();
  /** The syntax problems of the link's hide/lock keys, collected once per URL id. */
  readonly syntaxNotices: string[] = [];
  private assigned = new Map<string, Assignment>();

  registerParams(id: string, specs: ParamSpecs) {
    this.params.set(id, specs);
    if (!this.assigned.has(id)) {
      const { assignment, notices } = readAssignment(id, currentSearch());
      this.assigned.set(id, assignment);
      this.syntaxNotices.push(...notices);
    }
  }

  noteReadout(id: string, label: string) {
    if (!this.readouts.has(id)) this.readouts.set(id, label);
  }

  /** The assignment of every URL id of the widget, merged (a control's name is unique within a widget). */
  assignment(): Assignment {
    if (this.assigned.size === 0) return NO_ASSIGNMENT;
    const hide = new Set<string>();
    const lock = new Set<string>();
    for (const a of this.assigned.values()) {
      a.hide.forEach((x) => hide.add(x));
      a.lock.forEach((x) => lock.add(x));
    }
    return { hide: [...hide], lock: [...lock] };
  }

  /** The assignment under one URL id (what the link asked of it). */
  assignmentOf(id: string): Assignment {
    return this.assigned.get(id) ?? NO_ASSIGNMENT;
  }

  /** The names of every control of the widget with its label. */
  controls(): Array<{ id: string; label: string }> {
    const out: Array<{ id: string; label: string }> = [];
    for (const specs of this.params.values())
      for (const [name, s] of Object.entries(specs))
        if (!out.some((c) => c.id === name)) out.push({ id: name, label: s.label ?? name });
    return out;
  }
}

function currentSearch(): string {
  return typeof window === 'undefined' ? '' : window.location.search;
}

export const WidgetFrameContext = createContext<FrameRegistry | null>(null);

export interface AssignmentView {
  hidden: (id: string | undefined) => boolean;
  locked: (id: string | undefined) => boolean;
}

const NONE: AssignmentView = { hidden: () => false, locked: () => false };

/** What the assignment link asks of this widget (nothing outside a frame). */
export function useAssignment(): AssignmentView {
  const frame = useContext(WidgetFrameContext);
  if (!frame) return NONE;
  const a = frame.assignment();
  if (a.hide.length === 0 && a.lock.length === 0) return NONE;
  return {
    hidden: (id) => id !== undefined && a.hide.includes(id),
    locked: (id) => id !== undefined && a.lock.includes(id),
  };
}

/** Registers a readout with the frame and says whether the link hides it. */
export function useReadoutSlot(id: string | undefined, label: string): boolean {
  const frame = useContext(WidgetFrameContext);
  if (!frame || !id) return false;
  frame.noteReadout(id, label);
  return frame.assignment().hide.includes(id);
}

/** The reason a locked control gives to screen readers (and as its tooltip). */
export const LOCKED_REASON = 'Locked by the assignment link: this setting is part of the question.';
