namespace HostAgent.Core.Units;

/// <summary>The service manager refused a request (no such unit, access denied) or could not be reached.</summary>
public sealed class UnitControlException : Exception
{
    public UnitControlException()
    {
    }

    public UnitControlException(string message)
        : base(message)
    {
    }

    public UnitControlException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when the refusal was that the unit does not exist.</summary>
    public bool NoSuchUnit { get; init; }
}
