namespace HostAgent.Linux.IntegrationTests.Systemd;

/// <summary>How the fake systemd runs the next job it is asked for.</summary>
public sealed record FakeJob
{
    /// <summary>JobRemoved's result; null: the job never finishes.</summary>
    public string? Result { get; init; } = "done";

    /// <summary>Sends JobRemoved before the method reply, as a job that ends at once can look to a client.</summary>
    public bool FinishBeforeReply { get; init; }

    /// <summary>States the unit passes through before the job ends, each announced with PropertiesChanged.</summary>
    public IReadOnlyList<(string Active, string Sub)> States { get; init; } = [];
}
