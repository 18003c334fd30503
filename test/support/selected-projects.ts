import type { TestProject } from 'vitest/node';

/** The projects that start real services: NocoDB and the private test desktop. */
export const PROJECTS_NEEDING_SERVICES = new Set(['integration', 'e2e']);

/** Whether this run includes one of those projects (`vitest.projects` is already narrowed by `--project`). */
export const runNeedsServices = (project: TestProject) =>
  project.vitest.projects.some((candidate) => PROJECTS_NEEDING_SERVICES.has(candidate.name));
