using Analytics.Api.Logs;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.FileProviders;

namespace Analytics.Api.Hosting;

/// <summary>
/// Where settings come from, each over the one before: the service's defaults, appsettings.json in the folder it was
/// started in, appsettings.json beside the program, environment variables (<c>Section__Key</c>), the command line
/// (<c>--Section:Key value</c>). A service started by systemd or Windows starts in another folder than the program's,
/// and the host alone would read only the first file.
/// </summary>
internal static class SettingSources
{
    public static WebApplicationBuilder AddSettingSources(this WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        sources.Insert(0, new MemoryConfigurationSource { InitialData = LoggingHosting.DefaultLevels });

        var programFolder = Path.GetFullPath(AppContext.BaseDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var contentRoot = Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd(Path.DirectorySeparatorChar);
        if (string.Equals(programFolder, contentRoot, StringComparison.Ordinal))
            return builder;
        var environment = sources.OfType<EnvironmentVariablesConfigurationSource>().FirstOrDefault(s => string.IsNullOrEmpty(s.Prefix));
        var index = environment is null ? sources.Count : sources.IndexOf(environment);
        sources.Insert(index, new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(programFolder),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        });
        return builder;
    }
}
