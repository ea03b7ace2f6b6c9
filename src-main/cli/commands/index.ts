/** Every CLI command. Each domain adds its commands in a file beside this one. */
import type { Command } from '../command.js';
import { generate } from './generate.js';
import { narrate } from './narrate.js';
import { projectInfo, projectNew } from './project.js';
import { render } from './render.js';
import { voiceAdd, voiceDownload, voiceRemove, voices } from './voices.js';
import { web } from './web.js';

export const COMMANDS: Command[] = [projectNew, projectInfo, generate, narrate, render, voices, voiceAdd, voiceDownload, voiceRemove, web];
