using System.Globalization;
using Azure;

namespace PolicyBot.Storage.Tables.Embedded;

/// <summary>
/// The part of the OData <c>$filter</c> language the Table service accepts and PolicyBot uses: comparisons
/// (<c>eq ne gt ge lt le</c>) of a property with a literal, joined by <c>and</c>/<c>or</c>/<c>not</c> and
/// parentheses. Literals: <c>'text'</c>, <c>42</c>, <c>42L</c>, <c>1.5</c>, <c>true</c>, <c>datetime'…'</c>,
/// <c>guid'…'</c>, <c>X'…'</c>. Anything else is refused with 400 InvalidInput, as the service would.
/// </summary>
abstract record ODataFilter
{
    public abstract bool Matches(IReadOnlyDictionary<string, object?> entity);

    public static ODataFilter? Parse(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
            return null;
        return new Parser(filter).ParseAll();
    }

    internal static RequestFailedException Invalid(string message) => new(400, message, TableErrorCode.InvalidInput, null);

    public sealed record And(ODataFilter Left, ODataFilter Right) : ODataFilter
    {
        public override bool Matches(IReadOnlyDictionary<string, object?> entity) => Left.Matches(entity) && Right.Matches(entity);
    }

    public sealed record Or(ODataFilter Left, ODataFilter Right) : ODataFilter
    {
        public override bool Matches(IReadOnlyDictionary<string, object?> entity) => Left.Matches(entity) || Right.Matches(entity);
    }

    public sealed record Not(ODataFilter Inner) : ODataFilter
    {
        public override bool Matches(IReadOnlyDictionary<string, object?> entity) => !Inner.Matches(entity);
    }

    /// <summary><c>Property op literal</c>; a missing property or a value of another type never matches.</summary>
    public sealed record Comparison(string Property, string Operator, object? Literal) : ODataFilter
    {
        public override bool Matches(IReadOnlyDictionary<string, object?> entity)
        {
            entity.TryGetValue(Property, out var value);
            if (Literal is null)
                return Operator switch { "eq" => value is null, "ne" => value is not null, _ => false };
            if (value is null)
                return false;
            var order = Compare(value, Literal);
            return order is not null && Operator switch
            {
                "eq" => order == 0,
                "ne" => order != 0,
                "gt" => order > 0,
                "ge" => order >= 0,
                "lt" => order < 0,
                "le" => order <= 0,
                _ => false,
            };
        }

        static int? Compare(object value, object literal) => (value, literal) switch
        {
            (string a, string b) => string.CompareOrdinal(a, b),
            (bool a, bool b) => a.CompareTo(b),
            (int or long, int or long) => Convert.ToInt64(value, CultureInfo.InvariantCulture).CompareTo(Convert.ToInt64(literal, CultureInfo.InvariantCulture)),
            (double a, int or long or double) => a.CompareTo(Convert.ToDouble(literal, CultureInfo.InvariantCulture)),
            (int or long, double b) => Convert.ToDouble(value, CultureInfo.InvariantCulture).CompareTo(b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (Guid a, Guid b) => a.CompareTo(b),
            (byte[] a, byte[] b) => a.AsSpan().SequenceCompareTo(b),
            _ => null,
        };
    }

    sealed class Parser(string text)
    {
        int _position;

        public ODataFilter ParseAll()
        {
            var result = ParseOr();
            SkipSpaces();
            if (_position < text.Length)
                throw Invalid($"Unexpected '{text[_position..]}' in the filter at position {_position}.");
            return result;
        }

        ODataFilter ParseOr()
        {
            var left = ParseAnd();
            while (TryKeyword("or"))
                left = new Or(left, ParseAnd());
            return left;
        }

        ODataFilter ParseAnd()
        {
            var left = ParseNot();
            while (TryKeyword("and"))
                left = new And(left, ParseNot());
            return left;
        }

        ODataFilter ParseNot()
        {
            if (TryKeyword("not"))
                return new Not(ParseNot());
            SkipSpaces();
            if (Peek() == '(')
            {
                _position++;
                var inner = ParseOr();
                SkipSpaces();
                if (Peek() != ')')
                    throw Invalid($"Missing ')' in the filter at position {_position}.");
                _position++;
                return inner;
            }
            return ParseComparison();
        }

        Comparison ParseComparison()
        {
            SkipSpaces();
            var property = ReadIdentifier() ?? throw Invalid($"Expected a property name in the filter at position {_position}.");
            SkipSpaces();
            var op = ReadIdentifier();
            if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le"))
                throw Invalid($"Unsupported operator '{op}' after '{property}' in the filter (supported: eq ne gt ge lt le).");
            SkipSpaces();
            return new Comparison(property, op, ReadLiteral());
        }

        object? ReadLiteral()
        {
            var c = Peek();
            if (c == '\'')
                return ReadQuoted();
            if (c == '-' || char.IsAsciiDigit(c))
                return ReadNumber();
            var word = ReadIdentifier() ?? throw Invalid($"Expected a value in the filter at position {_position}.");
            switch (word)
            {
                case "true":
                    return true;
                case "false":
                    return false;
                case "null":
                    return null;
            }
            if (Peek() != '\'')
                throw Invalid($"'{word}' is not a value; compare a property with a literal (e.g. 'text', 42, datetime'…').");
            var body = ReadQuoted();
            try
            {
                return word switch
                {
                    "datetime" => TableJson.ParseDateTime(body),
                    "guid" => Guid.Parse(body),
                    "X" or "binary" => Convert.FromHexString(body),
                    _ => throw Invalid($"Unsupported literal type '{word}' in the filter."),
                };
            }
            catch (FormatException e)
            {
                throw Invalid($"Malformed {word} literal '{body}' in the filter: {e.Message}");
            }
        }

        string ReadQuoted()
        {
            _position++; // opening quote
            var builder = new System.Text.StringBuilder();
            while (true)
            {
                if (_position >= text.Length)
                    throw Invalid("Unterminated string in the filter.");
                var c = text[_position++];
                if (c == '\'')
                {
                    if (Peek() != '\'')
                        return builder.ToString();
                    _position++;
                }
                builder.Append(c);
            }
        }

        object ReadNumber()
        {
            var start = _position;
            if (Peek() == '-')
                _position++;
            while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] is '.' or 'e' or 'E' || (text[_position] is '+' or '-' && text[_position - 1] is 'e' or 'E')))
                _position++;
            var number = text[start.._position];
            var suffix = Peek();
            if (suffix is 'L' or 'l')
            {
                _position++;
                return long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big) ? big : throw Invalid($"'{number}L' is not an Int64.");
            }
            if (suffix is 'D' or 'd' or 'M' or 'm' or 'F' or 'f')
                _position++;
            var isInteger = suffix is not ('D' or 'd' or 'M' or 'm' or 'F' or 'f') && !number.Contains('.', StringComparison.Ordinal) && !number.Contains('e', StringComparison.OrdinalIgnoreCase);
            if (isInteger && int.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
                return small;
            if (isInteger && long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var large))
                return large;
            return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) ? real : throw Invalid($"'{number}' is not a number.");
        }

        string? ReadIdentifier()
        {
            var start = _position;
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] == '_') && (_position > start || !char.IsAsciiDigit(text[_position])))
                _position++;
            return _position > start ? text[start.._position] : null;
        }

        bool TryKeyword(string keyword)
        {
            SkipSpaces();
            if (string.CompareOrdinal(text, _position, keyword, 0, keyword.Length) == 0 &&
                (_position + keyword.Length == text.Length || !char.IsAsciiLetterOrDigit(text[_position + keyword.Length])))
            {
                _position += keyword.Length;
                return true;
            }
            return false;
        }

        char Peek() => _position < text.Length ? text[_position] : '\0';

        void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
                _position++;
        }
    }
}
