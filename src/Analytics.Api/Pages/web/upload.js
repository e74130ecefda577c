/* The operators' page: choose a shop, drop files, preview what each would do, then confirm or discard each. */
(function () {
  var A = Analytics;
  var form = document.getElementById('upload-form');
  var input = document.getElementById('files');
  var drop = document.getElementById('drop');
  var previews = document.getElementById('previews');
  var dropped = null;
  var platformNames = { douyin: '抖音', jd: '京东', pdd: '拼多多', taobao: '淘宝/天猫', kuaishou: '快手', wechat: '微信小店' };

  // An operator of one shop has nothing to choose.
  var shopSelect = document.getElementById('shop');
  if (shopSelect.options.length === 2) shopSelect.selectedIndex = 1;

  drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.className = 'drop over'; });
  drop.addEventListener('dragleave', function () { drop.className = 'drop'; });
  drop.addEventListener('drop', function (e) {
    e.preventDefault();
    drop.className = 'drop';
    dropped = e.dataTransfer.files;
    A.say('notice', '已选择 ' + dropped.length + ' 个文件，点“预览”查看将导入的内容。');
  });
  input.addEventListener('change', function () { dropped = null; });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var shop = document.getElementById('shop').value;
    var files = dropped || input.files;
    if (!shop) { A.say('error', '请先选择店铺。'); return; }
    if (!files || files.length === 0) { A.say('error', '请选择或拖入要上传的导出文件。'); return; }
    var data = new FormData();
    data.append('shop', shop);
    for (var i = 0; i < files.length; i++) data.append('file', files[i], files[i].name);
    var button = document.getElementById('preview');
    button.disabled = true;
    A.say('notice', '正在读取文件，请稍候…（大文件需要一两分钟）');
    A.request('POST', '/api/imports/preview', data).then(function (answer) {
      button.disabled = false;
      if (!answer.ok) { A.say('error', A.problemText(answer.body)); return; }
      A.say('notice', '以下是预览：数据尚未导入。请逐个确认。');
      previews.textContent = '';
      answer.body.forEach(showPreview);
      form.reset();
      dropped = null;
    }, function () {
      button.disabled = false;
      A.say('error', '无法连接服务，请检查网络后重试。');
    });
  });

  function fact(list, label, value) {
    var item = A.element('li');
    item.appendChild(A.element('strong', label + '：'));
    item.appendChild(document.createTextNode(value === undefined || value === null ? '' : String(value)));
    list.appendChild(item);
  }

  function showPreview(staged) {
    var p = staged.preview;
    var panel = A.element('div', null, 'panel');
    panel.setAttribute('data-staged', staged.id);
    // An orders file staged with its items file (淘宝/天猫 订单报表 + 宝贝报表) is one import of both.
    panel.appendChild(A.element('h3', staged.fileName + (p.companionFileName ? ' ＋ ' + p.companionFileName : '')));
    var facts = A.element('ul');
    if (p.status === 'rejected') {
      panel.appendChild(A.element('p', '不能导入：' + p.reason, 'error'));
    } else if (p.status === 'duplicate') {
      panel.appendChild(A.element('p', '这个文件与导入 #' + p.sameFileImportId + ' 完全相同，导入不会改变任何数据。', 'notice'));
    } else {
      if (p.shopRegistered) panel.appendChild(A.element('p', '店铺“' + p.shop + '”是新店铺，导入后将登记。', 'notice'));
      // A platform a mapping file adds brings its own name; the others are the program's own.
      fact(facts, '平台 / 格式', (p.platformName || platformNames[p.platform] || p.platform || '') + ' / ' + (p.layout || ''));
      fact(facts, '编码', p.encoding);
      fact(facts, '付款时间', A.period(p));
      fact(facts, '读取行数', p.rowsRead);
      fact(facts, '涉及订单', p.ordersTouched);
      fact(facts, '订单行 新增 / 更新 / 未变', p.linesNew + ' / ' + p.linesUpdated + ' / ' + p.linesUnchanged);
      fact(facts, '比已存数据旧的订单（保留已存版本）', p.ordersOlderKept);
      fact(facts, '拒收行', p.rowsRejected);
      if (p.fallbacks) fact(facts, '替代取值', p.fallbacks);
      if (p.missingColumns || p.newColumns) {
        fact(facts, '导出格式有变化', (p.missingColumns ? '缺少列 ' + p.missingColumns : '') +
          (p.missingColumns && p.newColumns ? '；' : '') + (p.newColumns ? '新增列 ' + p.newColumns : ''));
      }
      if (p.ordersWithoutItems && p.itemsFileAwaited) {
        fact(facts, '商品明细', p.ordersWithoutItems + ' 单只有订单级数字，缺少商品和件数明细，待宝贝报表 ' + p.itemsFileAwaited + ' 导入后补齐');
      } else if (p.ordersWithoutItems) {
        fact(facts, '商品明细', '文件只有订单级数字，' + p.ordersWithoutItems + ' 单各记为一行');
      }
      if (p.ordersCompleted) fact(facts, '补齐商品明细', p.ordersCompleted + ' 单（成交额和退款不变）');
    }
    panel.appendChild(facts);
    if (p.problems && p.problems.length) {
      var problems = A.element('ul', null, 'problems');
      p.problems.slice(0, 50).forEach(function (problem) {
        problems.appendChild(A.element('li', '第 ' + problem.line + ' 行' + (problem.column ? '，' + problem.column + ' 列' : '') + '：' + problem.reason));
      });
      panel.appendChild(problems);
    }
    var actions = A.element('p');
    if (p.status !== 'rejected' && p.status !== 'duplicate') {
      var confirm = A.element('button', '确认导入');
      confirm.addEventListener('click', function () { decide(staged, panel, 'POST'); });
      actions.appendChild(confirm);
      actions.appendChild(document.createTextNode(' '));
    }
    var discard = A.element('button', '放弃', 'secondary');
    discard.addEventListener('click', function () { decide(staged, panel, 'DELETE'); });
    actions.appendChild(discard);
    panel.appendChild(actions);
    previews.appendChild(panel);
  }

  function decide(staged, panel, method) {
    var buttons = panel.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    A.request(method, '/api/imports/staged/' + staged.id).then(function (answer) {
      panel.parentNode.removeChild(panel);
      if (method === 'DELETE') { A.say('notice', '已放弃“' + staged.fileName + '”。'); return; }
      var r = answer.body || {};
      if (answer.status === 201) A.say('ok', '“' + staged.fileName + '”已入库：导入 #' + r.importId + '，新增订单行 ' + r.linesNew + '，更新 ' + r.linesUpdated + '。');
      else if (answer.status === 200) A.say('notice', '“' + staged.fileName + '”与已导入的文件相同，没有改变数据。');
      else A.say('error', '“' + staged.fileName + '”没有导入：' + A.problemText(r));
      return A.loadImports();
    });
  }

  A.loadImports();
})();
