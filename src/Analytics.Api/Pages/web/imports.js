/* Shared by the upload and admin pages: calls to the API with the page's antiforgery token, and the imports table.
   Plain script (no modules, no build step) so it runs on the old browsers county PCs have. Text from files and
   people is only ever put into the page as text (textContent), never as HTML. */
var Analytics = (function () {
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute('content');

  function request(method, url, body) {
    var headers = { 'X-CSRF-TOKEN': token };
    if (body && !(body instanceof FormData)) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(body);
    }
    return fetch(url, { method: method, headers: headers, body: body, credentials: 'same-origin' }).then(function (response) {
      return response.text().then(function (text) {
        var answer = null;
        try { answer = text ? JSON.parse(text) : null; } catch (e) { answer = { detail: text }; }
        return { status: response.status, ok: response.ok, body: answer };
      });
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function say(kind, text) {
    var box = document.getElementById('message');
    box.className = kind;
    box.textContent = text;
  }

  /** The words of a problem answer: title, detail, and each field's errors. */
  function problemText(answer) {
    if (!answer) return '请求失败。';
    var parts = [];
    if (answer.title) parts.push(answer.title);
    if (answer.detail) parts.push(answer.detail);
    if (answer.reason) parts.push(answer.reason);
    if (answer.errors) {
      Object.keys(answer.errors).forEach(function (key) { parts.push(answer.errors[key].join(' ')); });
    }
    return parts.join('：') || '请求失败。';
  }

  var statusNames = { landed: '已入库', rejected: '已拒收', duplicate: '重复文件（未改变数据）', withdrawn: '已撤回' };

  function period(receipt) {
    if (!receipt.earliestPaidAt && !receipt.latestPaidAt) return '';
    return (receipt.earliestPaidAt || '').substring(0, 10) + ' 至 ' + (receipt.latestPaidAt || '').substring(0, 10);
  }

  function loadImports() {
    return request('GET', '/api/imports?limit=100').then(function (answer) {
      var body = document.querySelector('#imports tbody');
      body.textContent = '';
      if (!answer.ok) { say('error', problemText(answer.body)); return; }
      answer.body.forEach(function (receipt) {
        var row = document.createElement('tr');
        row.setAttribute('data-import', receipt.importId);
        row.appendChild(element('td', '#' + receipt.importId));
        row.appendChild(element('td', receipt.fileName + (receipt.companionFileName ? ' ＋ ' + receipt.companionFileName : '')));
        row.appendChild(element('td', receipt.shop || ''));
        var status = element('td', statusNames[receipt.status] || receipt.status);
        if (receipt.reason) status.appendChild(element('div', receipt.reason, 'muted'));
        row.appendChild(status);
        row.appendChild(element('td', period(receipt)));
        row.appendChild(element('td', receipt.status === 'landed' ? receipt.linesNew + ' / ' + receipt.linesUpdated : '', 'num'));
        row.appendChild(element('td', receipt.finishedAt || receipt.startedAt));
        row.appendChild(element('td', receipt.importedBy || receipt.source));
        var actions = element('td');
        if (receipt.status === 'landed') {
          var withdraw = element('button', '撤回', 'danger');
          withdraw.addEventListener('click', function () { withdrawImport(receipt); });
          actions.appendChild(withdraw);
        }
        row.appendChild(actions);
        body.appendChild(row);
      });
    });
  }

  function withdrawImport(receipt) {
    if (!window.confirm('撤回导入 #' + receipt.importId + '（' + receipt.fileName + '）？\n这个文件带来的数据将被撤出，其他导入不受影响。')) return;
    request('DELETE', '/api/imports/' + receipt.importId).then(function (answer) {
      if (answer.ok) say('ok', '已撤回导入 #' + receipt.importId + '。');
      else say('error', problemText(answer.body));
      return loadImports();
    });
  }

  return { request: request, element: element, say: say, problemText: problemText, loadImports: loadImports, period: period, statusNames: statusNames };
})();
