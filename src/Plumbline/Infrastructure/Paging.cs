namespace Plumbline.Infrastructure;

/// <summary>The paged list shape of API.md: { items, page, pageSize, total }.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>The last page a list can be asked for: (page - 1) x pageSize must fit in an int, or the offset overflows to a negative number.</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));
}
