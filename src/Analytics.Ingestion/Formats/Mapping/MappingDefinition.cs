namespace Analytics.Ingestion.Formats.Mapping;

/// <summary>A column as a mapping file names it: its header, or alternatives tried in turn (<c>A | B</c>) when exports drift.</summary>
internal sealed record MappedColumn(IReadOnlyList<string> Names, int Line)
{
    public override string ToString() => string.Join(" | ", Names);
}

/// <summary>Everything one mapping file says about its platform's export, checked (see <see cref="MappingFile"/>).</summary>
internal sealed record MappingDefinition
{
    public required string File { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required int CodeLine { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public required string ExportName { get; init; }
    public required IReadOnlyList<string> Signature { get; init; }
    public required int SignatureLine { get; init; }

    /// <summary>The export's whole header as the platform writes it (完整表头), when the mapping gives it: a file that lacks
    /// some of these columns or carries new ones is that export changed, and its receipt lists how.</summary>
    public IReadOnlyList<string> FullHeader { get; init; } = [];

    public required MappedColumn OrderId { get; init; }

    /// <summary>Columns whose texts together make the line id (<c>A + B</c>); empty: the product id, else the order is its own line.</summary>
    public IReadOnlyList<MappedColumn> LineId { get; init; } = [];
    public MappedColumn? PaidAt { get; init; }
    public MappedColumn? OrderedAt { get; init; }
    public required MappedColumn Paid { get; init; }

    /// <summary>True when the paid amount is the whole order's, repeated or not on its rows: taken once and shared.</summary>
    public bool PaidPerOrder { get; init; }
    public MappedColumn? UnitPrice { get; init; }
    public MappedColumn? Quantity { get; init; }
    public MappedColumn? ProductId { get; init; }
    public MappedColumn? Title { get; init; }
    public MappedColumn? Status { get; init; }
    public MappedColumn? AfterSale { get; init; }
    public MappedColumn? Refund { get; init; }
    public bool RefundPerOrder { get; init; }
    public MappedColumn? Province { get; init; }
    public MappedColumn? City { get; init; }
    public MappedColumn? District { get; init; }
    public MappedColumn? Address { get; init; }
    public MappedColumn? BuyerAccount { get; init; }
    public MappedColumn? Receiver { get; init; }
    public MappedColumn? ReceiverPhone { get; init; }

    public IReadOnlySet<string> PaidStatuses { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> UnpaidStatuses { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> RefundedStatuses { get; init; } = new HashSet<string>();

    public bool ListsStatuses => PaidStatuses.Count + UnpaidStatuses.Count + RefundedStatuses.Count > 0;
}
