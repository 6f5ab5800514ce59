namespace Nexus.Core.Monitoring;

/// <summary>One check of <c>validate-deployment</c>: what was checked, whether it passed, and what to do if not.</summary>
public sealed record DeploymentCheck(string Name, bool Passed, string Detail);
