using Analytics.Api.Hosting;
using Analytics.Ingestion.Importing;
using Analytics.Ingestion.Store;

namespace Analytics.Api.Cli;

/// <summary>`import FILE... [--db PATH] [--shop NAME]`: one receipt per file; exit 1 when any file was rejected.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(CommandOptions options, TextWriter output)
    {
        options.AllowOnly("db", "shop", "buyer-key-file");
        if (options.Positional.Count == 0)
            throw new UsageException("import needs at least one export file.");
        var missing = options.Positional.FirstOrDefault(f => !File.Exists(f));
        if (missing is not null)
            throw new UsageException($"File not found: {missing}");

        using var store = new AnalyticsStore(StoreOptionsFrom(options), TimeProvider.System);
        var rejected = 0;
        foreach (var file in options.Positional)
        {
            var receipt = await store.ImportAsync(file, new ImportRequest("cli", options.Value("shop")));
            await output.WriteAsync(receipt.ToText());
            if (!receipt.Landed)
                rejected++;
        }
        if (options.Positional.Count > 1)
            await output.WriteLineAsync($"{options.Positional.Count - rejected} of {options.Positional.Count} files imported, {rejected} rejected.");
        return rejected == 0 ? 0 : 1;
    }

    public static StoreOptions StoreOptionsFrom(CommandOptions options) => new()
    {
        DatabasePath = options.Value("db") ?? StoreHosting.DefaultDatabasePath,
        BuyerKeyFile = options.Value("buyer-key-file"),
    };
}
