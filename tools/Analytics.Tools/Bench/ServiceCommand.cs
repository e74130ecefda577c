namespace Analytics.Tools.Bench;

/// <summary>
/// How to start the analytics service as a process: the executable and any arguments before its verb (the service's
/// dll when it runs under dotnet). Handed in by the service's own bench verb, because this project does not reference
/// the service.
/// </summary>
public sealed record ServiceCommand(string FileName, IReadOnlyList<string> Arguments);
