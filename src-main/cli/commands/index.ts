/** Every CLI command. Each domain adds its commands in a file beside this one. */
import type { Command } from '../command.js';
import { captions } from './captions.js';
import { animate, credits } from './animate.js';
import { generate } from './generate.js';
import { importCommand } from './import.js';
import { make } from './make.js';
import { narrate } from './narrate.js';
import { projectInfo, projectNew } from './project.js';
import { render } from './render.js';
import { voiceAdd, voiceDownload, voiceRemove, voices } from './voices.js';
import { web } from './web.js';

export const COMMANDS: Command[] = [projectNew, projectInfo, make, generate, animate, credits, narrate, importCommand, captions, render, voices, voiceAdd, voiceDownload, voiceRemove, web];
