namespace HostAgent.Core.Reconcile;

/// <summary>A named value of desired or observed state, shown the same way for every component.</summary>
public sealed record StateField(string Name, string Value);
