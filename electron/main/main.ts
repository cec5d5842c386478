/**
 * Electron glue only: the window (isolated, sandboxed, CSP), navigation blocked, IPC registered
 * over the same services the CLI and the web bridge use, native menus and dialogs.
 */
import { app, BrowserWindow, dialog, Menu, session as electronSession, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorLine } from '../../shared/errors';
import { createDispatch } from '../core/services/dispatch';
import { createHandlers } from '../core/services/handlers';
import { rendererDistDir } from '../core/services/paths';
import { checkSaveTarget } from '../core/services/save-target';
import { Session } from '../core/services/session';
import { openInitialWorkspace } from '../core/services/startup';
import { currentUser } from '../core/services/user';
import { registerIpc } from './ipc';

const rendererIndex = join(rendererDistDir(), 'index.html');
const rendererUrlPrefix = pathToFileURL(rendererDistDir()).href + '/';
const stateDir = join(app.getPath('userData'));
const hrSession = new Session({ who: currentUser(), stateDir, autosaveMs: 2000 });
const dispatch = createDispatch(createHandlers(hrSession), { warning: () => hrSession.warning() });
let win: BrowserWindow | null = null;

function createWindow(): void {
  win = new BrowserWindow({
    width: 1280,
    height: 820,
    title: 'Headroom',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname ?? __dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win?.show());
  // Offline app: no page ever opens a window or leaves the renderer folder.
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(rendererUrlPrefix)) event.preventDefault();
  });
  void win.loadFile(rendererIndex);
}

async function chooseAndRun(kind: 'open' | 'new' | 'saveAs'): Promise<void> {
  if (!win) return;
  const filters = [{ name: 'Headroom workspace', extensions: ['headroom'] }];
  if (kind === 'open') {
    const r = await dialog.showOpenDialog(win, { properties: ['openFile'], filters });
    if (r.canceled || !r.filePaths[0]) return;
    const res = await dispatch('workspace.open', { path: r.filePaths[0] });
    if (!res.ok) dialog.showErrorBox('Cannot open workspace', errorLine(res.error));
  } else {
    const r = await dialog.showSaveDialog(win, { filters });
    if (r.canceled || !r.filePath) return;
    const res = await dispatch(kind === 'new' ? 'workspace.create' : 'workspace.saveAs', { path: r.filePath });
    if (!res.ok) dialog.showErrorBox('Cannot write workspace', errorLine(res.error));
  }
  win.webContents.reload();
}

/**
 * A download from the renderer (an RPSL file, a request draft) is saved where the planner chooses,
 * but never over the open workspace or a file Headroom keeps beside a workspace: Electron's own
 * save flow would write there without asking what the file is.
 */
function chooseDownloadPath(fileName: string): string | null {
  for (;;) {
    const chosen = win ? dialog.showSaveDialogSync(win, { defaultPath: fileName }) : dialog.showSaveDialogSync({ defaultPath: fileName });
    if (!chosen) return null;
    const target = checkSaveTarget(chosen, hrSession.workspace?.path ?? null);
    if (target.ok) return target.path;
    dialog.showErrorBox('Cannot save there', target.message);
  }
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: () => void chooseAndRun('new') },
        { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: () => void chooseAndRun('open') },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => void chooseAndRun('saveAs') },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { label: 'Edit', submenu: [{ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [{ role: 'reload' }, { role: 'toggleDevTools' }, { role: 'togglefullscreen' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void app.whenReady().then(async () => {
  electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    // The same policy as web/csp.ts, written out so a scanner can read it (a test keeps them equal).
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        ],
      },
    });
  });
  electronSession.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
  electronSession.defaultSession.on('will-download', (_event, item) => {
    const path = chooseDownloadPath(item.getFilename());
    if (path) item.setSavePath(path);
    else item.cancel();
  });
  const requested = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.headroom'));
  try {
    await openInitialWorkspace(hrSession, requested, stateDir);
  } catch (e) {
    dialog.showErrorBox('Headroom', (e as Error).message);
  }
  registerIpc(dispatch, rendererUrlPrefix);
  buildMenu();
  createWindow();
});

app.on('window-all-closed', () => {
  hrSession.close();
  app.quit();
});
app.on('before-quit', () => hrSession.close());
