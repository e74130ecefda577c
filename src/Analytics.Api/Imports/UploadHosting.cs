using Analytics.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Analytics.Api.Imports;

/// <summary>Uploads: the staging folder of previewed files and one size limit (Uploads:MaxMegabytes) on every way in.</summary>
internal static class UploadHosting
{
    public static WebApplicationBuilder AddUploads(this WebApplicationBuilder builder, ServiceSettings settings)
    {
        var limit = settings.UploadMaxMegabytes * 1024L * 1024L;
        builder.Services.AddSingleton<UploadStaging>();
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = limit);
        // The form's other fields and the multipart framing ride on top of the file itself.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limit + 1024 * 1024);
        return builder;
    }
}
