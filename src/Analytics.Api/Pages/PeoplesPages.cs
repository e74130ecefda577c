using System.Security.Claims;
using Analytics.Api.Accounts;
using Analytics.Ingestion.Normalising;
using Analytics.Store;
using Microsoft.AspNetCore.Antiforgery;

namespace Analytics.Api.Pages;

/// <summary>
/// /upload, the operators' page: pick one of my shops, drop files, see what would land, confirm, and see or take back
/// my imports. /admin, the bureau's page: every import, every shop, and for admins the accounts, keys and audit log.
/// The pages are shells; their scripts ask the same HTTP API a script would.
/// </summary>
internal static class PeoplesPages
{
    public static WebApplication MapPeoplesPages(this WebApplication app)
    {
        app.MapGet("/upload", (HttpContext context, IAntiforgery antiforgery, AnalyticsStore store, ClaimsPrincipal user) =>
        {
            IReadOnlyList<string> shops;
            using (var data = store.Read())
                shops = user.IsOperator() ? user.OwnShops() : data.Shops().Select(s => s.Shop).ToList();
            var options = string.Join("", shops.Select(s => $"<option value=\"{PageHtml.Encode(s)}\">{PageHtml.Encode(s)}</option>"));
            var body = $"""
                <section class="panel">
                  <form id="upload-form">
                    <p><label>店铺 <select id="shop" name="shop" required><option value="">请选择店铺…</option>{options}</select></label></p>
                    <div id="drop" class="drop">
                      <p>把从平台后台下载的订单导出文件拖到这里（CSV、Excel，可多选，也可以是 zip 压缩包）</p>
                      <p><input id="files" name="file" type="file" multiple accept=".csv,.txt,.xlsx,.xls,.zip"></p>
                    </div>
                    <p><button id="preview" type="submit">预览</button> <span class="hint">预览不会导入任何数据；确认后才入库。</span></p>
                  </form>
                  <div id="message" class="hidden"></div>
                </section>
                <section id="previews"></section>
                <h2>{(user.IsOperator() ? "我的导入" : "最近的导入")}</h2>
                <table id="imports">
                  <thead><tr><th>编号</th><th>文件</th><th>店铺</th><th>状态</th><th>付款时间范围</th><th>订单行 新增/更新</th><th>导入时间</th><th>导入人</th><th></th></tr></thead>
                  <tbody></tbody>
                </table>
                """;
            return Results.Content(PageHtml.Document("上传订单导出", body, user, antiforgery.GetAndStoreTokens(context).RequestToken, ["imports.js", "upload.js"]),
                "text/html; charset=utf-8");
        }).ExcludeFromDescription().RequireAuthorization(Access.Imports);

        app.MapGet("/admin", (HttpContext context, IAntiforgery antiforgery, AnalyticsStore store, ClaimsPrincipal user, TimeProvider time) =>
        {
            IReadOnlyList<ShopListing> shops;
            IReadOnlyList<string> categoryNames;
            using (var data = store.Read())
                (shops, categoryNames) = (data.Shops(), Metrics.ProductCategories.Of(data).Names);
            var today = time.BeijingToday();
            var shopRows = string.Join("", shops.Select(s =>
                $"<tr><td>{PageHtml.Encode(s.PlatformName)}</td><td>{PageHtml.Encode(s.Shop)}</td><td>{PageHtml.Encode(s.Enterprise)}</td><td class=\"num\">{s.Orders}</td><td class=\"num\">{s.Imports}</td><td>{PageHtml.Encode(s.FormerNames)}</td></tr>"));
            var shopOptions = string.Join("", shops.Select(s => $"<option value=\"{PageHtml.Encode(s.Shop)}\">{PageHtml.Encode(s.Shop)}</option>"));
            var shopForms = user.Role() == Roles.Admin
                ? $"""
                  <form id="shop-add-form" class="panel">
                    <label>新店铺名 <input name="name" required></label>
                    <label>平台 <select name="platform"><option value="douyin">抖音</option><option value="jd">京东</option><option value="pdd">拼多多</option><option value="taobao">淘宝/天猫</option><option value="kuaishou">快手</option></select></label>
                    <label>归属企业 <input name="enterprise" placeholder="默认同店铺名"></label>
                    <button type="submit">登记店铺</button>
                  </form>
                  <form id="shop-rename-form" class="panel">
                    <label>店铺 <select name="from">{shopOptions}</select></label>
                    <label>改名为 <input name="to" required></label>
                    <button type="submit">改名</button>
                  </form>
                  <form id="shop-merge-form" class="panel">
                    <label>把店铺 <select name="from">{shopOptions}</select></label>
                    <label>并入 <select name="to">{shopOptions}</select></label>
                    <button type="submit" class="danger">合并</button>
                  </form>
                  """
                : "";
            var accounts = user.Role() == Roles.Admin
                ? """
                  <h2>用户</h2>
                  <table id="users"><thead><tr><th>用户名</th><th>角色</th><th>店铺</th><th>创建</th><th>状态</th><th></th></tr></thead><tbody></tbody></table>
                  <form id="user-form" class="panel">
                    <label>用户名 <input name="name" required></label>
                    <label>密码 <input name="password" type="password" minlength="8" required></label>
                    <label>角色 <select name="role"><option value="operator">店铺操作员</option><option value="bureau">商务局</option><option value="display">大屏</option><option value="admin">管理员</option></select></label>
                    <label>店铺（操作员，逗号分隔） <input name="shops"></label>
                    <button type="submit">添加用户</button>
                  </form>
                  <h2>API 密钥</h2>
                  <table id="keys"><thead><tr><th>编号</th><th>名称</th><th>角色</th><th>开头</th><th>店铺</th><th>创建</th><th>状态</th><th></th></tr></thead><tbody></tbody></table>
                  <form id="key-form" class="panel">
                    <label>名称 <input name="name" required placeholder="例如：一楼大屏"></label>
                    <label>角色 <select name="role"><option value="display">大屏</option><option value="operator">店铺操作员</option><option value="bureau">商务局</option></select></label>
                    <label>店铺（操作员，逗号分隔） <input name="shops"></label>
                    <button type="submit">生成密钥</button>
                  </form>
                  <div id="new-key" class="hidden"></div>
                  <h2>审计日志</h2>
                  <table id="audit"><thead><tr><th>时间</th><th>账号</th><th>操作</th><th>内容</th><th>来源</th></tr></thead><tbody></tbody></table>
                  """
                : "";
            var body = $"""
                <div id="message" class="hidden"></div>
                <h2>全部导入</h2>
                <table id="imports">
                  <thead><tr><th>编号</th><th>文件</th><th>店铺</th><th>状态</th><th>付款时间范围</th><th>订单行 新增/更新</th><th>导入时间</th><th>导入人</th><th></th></tr></thead>
                  <tbody></tbody>
                </table>
                <h2>店铺</h2>
                <table><thead><tr><th>平台</th><th>店铺</th><th>归属企业</th><th>订单数</th><th>导入数</th><th>曾用名</th></tr></thead><tbody>{shopRows}</tbody></table>
                {shopForms}
                <h2>商品品类</h2>
                <p class="hint">近一年售出的商品，按标题关键词归入品类（seeds/product-categories.csv）；归错的可逐个更正，报告中的“其中农产品网络零售额”和分品类表随之改变。</p>
                <table id="categories" data-names="{PageHtml.Encode(string.Join("|", categoryNames))}" data-from="{today.AddYears(-1).AddDays(1):yyyy-MM-dd}" data-to="{today:yyyy-MM-dd}">
                  <thead><tr><th>平台</th><th>店铺</th><th>商品</th><th>网络零售额（元）</th><th>归类依据</th><th>品类</th><th>农产品</th><th></th></tr></thead>
                  <tbody></tbody>
                </table>
                {accounts}
                """;
            return Results.Content(PageHtml.Document("管理", body, user, antiforgery.GetAndStoreTokens(context).RequestToken, ["imports.js", "admin.js"]),
                "text/html; charset=utf-8");
        }).ExcludeFromDescription().RequireAuthorization(Access.Bureau);

        return app;
    }
}
