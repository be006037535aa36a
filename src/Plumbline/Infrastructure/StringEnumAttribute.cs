namespace Plumbline.Infrastructure;

/// <summary>
/// A request field or query parameter that takes one of an enum's names. Requests keep such fields as strings, so a wrong
/// value is answered with a message naming the field and its choices (<see cref="ApiEnum"/>) instead of a JSON parser
/// error; this attribute lets the OpenAPI document still list the allowed values, so generated clients get an enum.
/// On a positional record, put it on the property: <c>[property: StringEnum&lt;Answer&gt;] string? Answer</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public abstract class StringEnumAttribute : Attribute
{
    public abstract Type EnumType { get; }
    public IReadOnlyList<string> Names => Enum.GetNames(EnumType);
}

/// <inheritdoc />
public sealed class StringEnumAttribute<T> : StringEnumAttribute where T : struct, Enum
{
    public override Type EnumType => typeof(T);
}
