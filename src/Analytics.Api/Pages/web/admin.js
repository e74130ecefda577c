/* The bureau's page: every import (with withdraw), products' categories; for admins, users, API keys and the audit log. */
(function () {
  var A = Analytics;
  var roleNames = { admin: '管理员', bureau: '商务局', operator: '店铺操作员', display: '大屏' };
  var actionNames = {
    login: '登录', 'login-failed': '登录失败', 'kiosk-login': '大屏登录', upload: '上传', withdraw: '撤回',
    'user-add': '添加用户', 'user-disable': '停用用户', 'user-password': '修改密码', 'key-create': '生成密钥', 'key-revoke': '撤销密钥',
    'shop-add': '登记店铺', 'shop-rename': '店铺改名', 'shop-merge': '合并店铺'
  };

  function shopsOf(text) {
    return text.split(/[,，、]/).map(function (s) { return s.trim(); }).filter(function (s) { return s.length > 0; });
  }

  function fill(table, rows, cells, action) {
    var body = document.querySelector(table + ' tbody');
    body.textContent = '';
    rows.forEach(function (row) {
      var tr = A.element('tr');
      cells(row).forEach(function (text) { tr.appendChild(A.element('td', text)); });
      var td = A.element('td');
      if (action) action(row, td);
      tr.appendChild(td);
      body.appendChild(tr);
    });
  }

  function loadUsers() {
    return A.request('GET', '/api/accounts/users').then(function (answer) {
      if (!answer.ok) return;
      fill('#users', answer.body, function (u) {
        return [u.name, roleNames[u.role] || u.role, u.shops.join('、'), u.createdAt + ' ' + u.createdBy, u.disabledAt ? '已停用' : '启用'];
      }, function (u, td) {
        if (u.disabledAt) return;
        var button = A.element('button', '停用', 'danger');
        button.addEventListener('click', function () {
          if (!window.confirm('停用用户“' + u.name + '”？')) return;
          A.request('DELETE', '/api/accounts/users/' + encodeURIComponent(u.name)).then(loadAll);
        });
        td.appendChild(button);
      });
    });
  }

  function loadKeys() {
    return A.request('GET', '/api/accounts/keys').then(function (answer) {
      if (!answer.ok) return;
      fill('#keys', answer.body, function (k) {
        return ['#' + k.id, k.name, roleNames[k.role] || k.role, k.keyStart + '…', k.shops.join('、'), k.createdAt, k.revokedAt ? '已撤销' : '有效'];
      }, function (k, td) {
        if (k.revokedAt) return;
        var button = A.element('button', '撤销', 'danger');
        button.addEventListener('click', function () {
          if (!window.confirm('撤销密钥 #' + k.id + '（' + k.name + '）？使用它的大屏或脚本将立即失效。')) return;
          A.request('DELETE', '/api/accounts/keys/' + k.id).then(loadAll);
        });
        td.appendChild(button);
      });
    });
  }

  function loadAudit() {
    return A.request('GET', '/api/accounts/audit?limit=100').then(function (answer) {
      if (!answer.ok) return;
      fill('#audit', answer.body, function (e) { return [e.at, e.actor, actionNames[e.action] || e.action, e.detail]; }, function (e, td) { td.textContent = e.remote || ''; });
    });
  }

  var sourceNames = { fixed: '人工更正', rule: '关键词', none: '未匹配' };

  function categoryPath(p) {
    return '/api/categories/products/' + encodeURIComponent(p.platform) + '/' + encodeURIComponent(p.shop) + '/' + encodeURIComponent(p.productId);
  }

  // Products sold in the last year with their category; a row's select and checkbox save on 保存, 按规则 gives it back to the rules.
  function loadCategories() {
    var table = document.getElementById('categories');
    if (!table) return Promise.resolve();
    var names = table.getAttribute('data-names').split('|');
    var span = 'from=' + table.getAttribute('data-from') + '&to=' + table.getAttribute('data-to');
    return A.request('GET', '/api/categories/products?' + span).then(function (answer) {
      if (!answer.ok) { A.say('error', A.problemText(answer.body)); return; }
      var body = table.querySelector('tbody');
      body.textContent = '';
      answer.body.forEach(function (p) {
        var tr = A.element('tr');
        [p.platformName || p.platform, p.shop, p.title || p.productId].forEach(function (text) { tr.appendChild(A.element('td', text)); });
        tr.appendChild(A.element('td', p.netSales.toFixed(2), 'num'));
        tr.appendChild(A.element('td', (sourceNames[p.source] || p.source) + (p.keyword ? '“' + p.keyword + '”' : '')));
        var select = A.element('select');
        names.forEach(function (name) {
          var option = A.element('option', name);
          option.value = name;
          if (name === p.category) option.selected = true;
          select.appendChild(option);
        });
        var cell = A.element('td');
        cell.appendChild(select);
        tr.appendChild(cell);
        var farm = A.element('input');
        farm.type = 'checkbox';
        farm.checked = p.farm;
        cell = A.element('td');
        cell.appendChild(farm);
        tr.appendChild(cell);
        var actions = A.element('td');
        var save = A.element('button', '保存');
        save.addEventListener('click', function () {
          A.request('PUT', categoryPath(p), { category: select.value, farm: farm.checked }).then(function (result) {
            if (result.ok) A.say('ok', '“' + (p.title || p.productId) + '”已归入' + select.value + (farm.checked ? '（农产品）' : '') + '。');
            else A.say('error', A.problemText(result.body));
            loadCategories();
          });
        });
        actions.appendChild(save);
        if (p.source === 'fixed') {
          var reset = A.element('button', '按规则');
          reset.addEventListener('click', function () { A.request('DELETE', categoryPath(p)).then(loadCategories); });
          actions.appendChild(reset);
        }
        tr.appendChild(actions);
        body.appendChild(tr);
      });
    });
  }

  function loadAll() {
    A.loadImports();
    loadCategories();
    if (document.getElementById('users')) { loadUsers(); loadKeys(); loadAudit(); }
  }

  var userForm = document.getElementById('user-form');
  if (userForm) {
    userForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = userForm.elements;
      A.request('POST', '/api/accounts/users', { name: f.name.value, password: f.password.value, role: f.role.value, shops: shopsOf(f.shops.value) })
        .then(function (answer) {
          if (answer.ok) { A.say('ok', '已添加用户“' + answer.body.name + '”。'); userForm.reset(); }
          else A.say('error', A.problemText(answer.body));
          loadAll();
        });
    });
  }

  var keyForm = document.getElementById('key-form');
  if (keyForm) {
    keyForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = keyForm.elements;
      A.request('POST', '/api/accounts/keys', { name: f.name.value, role: f.role.value, shops: shopsOf(f.shops.value) }).then(function (answer) {
        var box = document.getElementById('new-key');
        if (!answer.ok) { A.say('error', A.problemText(answer.body)); return; }
        box.className = 'ok';
        box.textContent = '';
        box.appendChild(A.element('p', '新密钥（只显示这一次，请立即保存）：'));
        box.appendChild(A.element('code', answer.body.key));
        if (answer.body.account.role === 'display') {
          var address = window.location.origin + '/?key=' + answer.body.key;
          box.appendChild(A.element('p', '大屏地址（在电视盒子的浏览器中打开一次即可）：'));
          box.appendChild(A.element('code', address));
        }
        keyForm.reset();
        loadAll();
      });
    });
  }

  // Shop registry changes redraw the page: the shop table and the lists in the forms are rendered by the server.
  function shopForm(id, url, body, done) {
    var form = document.getElementById(id);
    if (!form) return;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = form.elements;
      var question = id === 'shop-merge-form' ? '把“' + f.from.value + '”并入“' + f.to.value + '”？订单和导入记录将迁移，不能撤销。' : null;
      if (question && !window.confirm(question)) return;
      A.request('POST', url(f), body(f)).then(function (answer) {
        if (answer.ok) { window.location.reload(); return; }
        A.say('error', A.problemText(answer.body));
      });
    });
  }
  shopForm('shop-add-form', function () { return '/api/shops'; },
    function (f) { return { name: f.name.value, platform: f.platform.value, enterprise: f.enterprise.value }; });
  shopForm('shop-rename-form', function (f) { return '/api/shops/' + encodeURIComponent(f.from.value) + '/rename'; },
    function (f) { return { to: f.to.value }; });
  shopForm('shop-merge-form', function (f) { return '/api/shops/' + encodeURIComponent(f.from.value) + '/merge'; },
    function (f) { return { to: f.to.value }; });

  loadAll();
})();
