namespace Jar.Cli;

/// <summary>A value the parser accepted but the command cannot use; exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
