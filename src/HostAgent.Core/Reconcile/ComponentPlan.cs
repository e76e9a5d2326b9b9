namespace HostAgent.Core.Reconcile;

/// <summary>A plan together with the desired and observed state it was computed from.</summary>
public sealed record ComponentPlan(Plan Plan, IReadOnlyList<StateField> Desired, IReadOnlyList<StateField> Observed);
