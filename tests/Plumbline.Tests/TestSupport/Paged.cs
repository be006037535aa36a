namespace Plumbline.Tests.TestSupport;

/// <summary>The paged list shape of API.md: { items, page, pageSize, total }.</summary>
public sealed record Paged<T>(List<T> Items, int Page, int PageSize, int Total);
