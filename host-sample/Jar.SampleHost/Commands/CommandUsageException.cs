namespace Jar.SampleHost.Commands;

/// <summary>The arguments parse, but name what does not exist (an unknown client, a setting that is not one): exit code 2, with the command's usage.</summary>
internal sealed class CommandUsageException : Exception
{
    public CommandUsageException()
    {
    }

    public CommandUsageException(string message)
        : base(message)
    {
    }

    public CommandUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
