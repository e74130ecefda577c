namespace Analytics.Tests.Support;

/// <summary>
/// Screenshots a test takes: kept in the test work directory's screenshots/ folder and attached to the test result.
/// The README's one (<see cref="Readme"/>, the screen on 20 June 2023 with ten days of forecast) also goes to
/// $SCREEN_SCREENSHOT_DIR as screen-1920x1080.png when set, which is how the README's picture is refreshed.
/// </summary>
internal static class Screenshots
{
    public const string Readme = "screen-forecast-1920x1080";

    public static string Save(byte[] png, string name, int width, int height)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        File.WriteAllBytes(path, png);
        TestContext.AddTestAttachment(path, $"{name} ({width}×{height})");
        if (name == Readme && (width, height) == (1920, 1080) && Environment.GetEnvironmentVariable("SCREEN_SCREENSHOT_DIR") is { Length: > 0 } readme)
        {
            Directory.CreateDirectory(readme);
            File.Copy(path, Path.Combine(readme, "screen-1920x1080.png"), overwrite: true);
        }
        return path;
    }
}
