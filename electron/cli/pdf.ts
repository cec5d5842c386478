/** The CLI prints PDFs through the same code as the Reports screen (electron/core/services/reports-pdf.ts). */
export { CHROMIUM, printHtmlToPdf } from '../core/services/reports-pdf';
