namespace Plumbline.Features.Demo;

/// <summary>Placeholder, filled in below.</summary>
public sealed class DemoVisits;
