// Writes the extension's own keys of package.json — contributes, activationEvents,
// capabilities — and nothing else: it re-reads the file right before writing, so edits of
// other keys (scripts, dependencies) made meanwhile are kept. Run: node scripts/manifest-extension.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const EXPERIMENT = 'resourceFilename =~ /\\.reglab\\.json$/';

const commands = [
  { command: 'reglab.runExperiment', title: 'Run Experiment', icon: '$(play)' },
  { command: 'reglab.runVariant', title: 'Run Variant', icon: '$(play-circle)' },
  { command: 'reglab.runSweep', title: 'Run Sweep', icon: '$(graph-line)' },
  { command: 'reglab.stop', title: 'Stop', icon: '$(debug-stop)', enablement: 'reglab.running' },
  { command: 'reglab.openPanel', title: 'Open Panel', icon: '$(graph)' },
  { command: 'reglab.openResults', title: 'Open Results', icon: '$(folder-opened)' },
  { command: 'reglab.newExperiment', title: 'New Experiment', icon: '$(new-file)' },
  { command: 'reglab.showHistory', title: 'Show Runs History', icon: '$(history)' },
  { command: 'reglab.exportCsv', title: 'Export Results (CSV)', icon: '$(table)' },
  { command: 'reglab.exportChart', title: 'Export Chart (PNG)', icon: '$(device-camera)' },
  { command: 'reglab.exportPytorch', title: 'Export as PyTorch Script', icon: '$(file-code)' },
  { command: 'reglab.showLog', title: 'Show Log', icon: '$(output)' },
].map((c) => ({ ...c, category: 'Reglab' }));

const contributes = {
  commands,
  menus: {
    'editor/title': [
      { command: 'reglab.runExperiment', when: `${EXPERIMENT} && !reglab.running`, group: 'navigation@1' },
      { command: 'reglab.stop', when: `${EXPERIMENT} && reglab.running`, group: 'navigation@1' },
    ],
    commandPalette: [
      { command: 'reglab.runExperiment', when: `${EXPERIMENT} || reglab.panelOpen` },
      { command: 'reglab.runVariant', when: `${EXPERIMENT} || reglab.panelOpen` },
      { command: 'reglab.runSweep', when: `${EXPERIMENT} || reglab.panelOpen` },
      { command: 'reglab.openResults', when: `${EXPERIMENT} || reglab.panelOpen` },
      { command: 'reglab.exportPytorch', when: EXPERIMENT },
      { command: 'reglab.stop', when: 'reglab.running' },
      { command: 'reglab.exportCsv', when: 'reglab.hasResults' },
      { command: 'reglab.exportChart', when: 'reglab.hasResults' },
    ],
  },
  jsonValidation: [{ fileMatch: '*.reglab.json', url: './schemas/reglab.schema.json' }],
  languages: [{ id: 'jsonc', filenamePatterns: ['*.reglab.json'] }],
  configuration: {
    title: 'Reglab',
    properties: {
      'reglab.workers': {
        type: 'integer', default: 0, minimum: 0, maximum: 32, order: 1,
        markdownDescription: 'How many runs train at once, each in its own worker thread. `0` means one per CPU core. Fewer workers leave more of the machine to everything else during a long sweep.',
      },
      'reglab.chartUpdateRate': {
        type: 'integer', default: 250, minimum: 50, maximum: 5000, order: 2,
        markdownDescription: 'Milliseconds between two updates of the panel\'s charts while runs train. Larger values cost less on slow machines; the final results are the same.',
      },
      'reglab.openPanelOnRun': {
        type: 'boolean', default: true, order: 3,
        markdownDescription: 'Open the Reglab panel beside the experiment file when a run starts.',
      },
      'reglab.resultsFolder': {
        type: 'string', default: '.reglab/runs', order: 4,
        markdownDescription: 'Where finished runs are saved (results JSON and curves CSV, as `reglab run` writes them), relative to the workspace folder. It must stay inside the workspace. **Show Runs History** lists what is saved there.',
      },
      'reglab.exportFolder': {
        type: 'string', default: '.reglab/exports', order: 5,
        markdownDescription: 'Where **Export Results (CSV)** and **Export Chart (PNG)** write, relative to the workspace folder. It must stay inside the workspace.',
      },
      'reglab.checkDataFiles': {
        type: 'boolean', default: true, order: 6,
        markdownDescription: 'While an experiment that reads CSV or MNIST files is edited, load them to report problems in the file, such as a CSV column that does not exist. Never in Restricted Mode; files over 8 MB are only checked for existence.',
      },
    },
  },
};

const activationEvents = ['workspaceContains:**/*.reglab.json', 'onWebviewPanel:reglab.panel'];

const capabilities = {
  untrustedWorkspaces: {
    supported: 'limited',
    description: 'In Restricted Mode Reglab shows experiment files with their CodeLenses, completion and checks, and opens saved results, but it does not train and does not read the data files an experiment names.',
    restrictedConfigurations: ['reglab.resultsFolder', 'reglab.exportFolder'],
  },
};

const path = new URL('../package.json', import.meta.url);
const pkg = JSON.parse(readFileSync(path, 'utf8'));
pkg.activationEvents = activationEvents;
pkg.capabilities = capabilities;
pkg.contributes = contributes;
writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
console.log('package.json: contributes, activationEvents and capabilities written');
