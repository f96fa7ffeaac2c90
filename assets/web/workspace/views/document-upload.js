// One file's upload to an agenda item with XMLHttpRequest, for its upload progress: the bytes
// going up, then (office files) the server converting to PDF, then the answer. Cookie auth
// needs the CSRF header on this POST like on any other.
import { csrfToken } from '/web/common/client.js';

export const officeExtensions = ['docx', 'odt', 'xlsx', 'pptx', 'ods', 'odp'];

export function isOffice(name) {
  const ext = name.split('.').pop().toLowerCase();
  return officeExtensions.includes(ext);
}

// onProgress({phase: 'sending'|'converting'|'checking', loaded, total}); resolves with the
// server's JSON on 200/201, rejects with {status, code, message} otherwise.
export function uploadDocument(meeting, item, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/meetings/${meeting}/items/${item}/documents?name=${encodeURIComponent(file.name)}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-CSRF-Token', csrfToken() || '');
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress({ phase: 'sending', loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => onProgress({ phase: isOffice(file.name) ? 'converting' : 'checking', loaded: file.size, total: file.size });
    xhr.onerror = () => reject({ status: 0, code: 'network', message: '' });
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      if (xhr.status === 200 || xhr.status === 201) resolve(body);
      else reject({ status: xhr.status, code: body && body.code, message: (body && body.message) || `HTTP ${xhr.status}` });
    };
    xhr.send(file);
  });
}
