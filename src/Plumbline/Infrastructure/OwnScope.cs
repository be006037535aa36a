namespace Plumbline.Infrastructure;

/// <summary>
/// Static server rendering initializes a layout and the components of a page at the same time, and one DbContext
/// must never run two queries at once (PostgreSQL refuses; SQLite merely hides it). Components that load their own
/// data alongside the page (the layout, dashboard panels) take their services from a scope of their own.
/// </summary>
public sealed class OwnScope(IServiceScopeFactory scopes)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
