/** Every CLI command. Each domain adds its commands in a file beside this one. */
import type { Command } from '../command.js';
import { generate } from './generate.js';
import { projectInfo, projectNew } from './project.js';
import { web } from './web.js';

export const COMMANDS: Command[] = [projectNew, projectInfo, generate, web];
