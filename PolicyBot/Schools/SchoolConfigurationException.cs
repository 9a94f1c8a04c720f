namespace PolicyBot.Schools;

/// <summary>A school file that cannot be used; the message names the file and the key.</summary>
public sealed class SchoolConfigurationException : Exception
{
    public SchoolConfigurationException(string message) : base(message) { }

    public SchoolConfigurationException(string message, Exception inner) : base(message, inner) { }

    public SchoolConfigurationException() { }
}
