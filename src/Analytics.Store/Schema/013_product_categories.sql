-- Product categories: the rules from seeds/product-categories.csv (title keywords → category and whether it is a farm
-- product, first matching rule wins), reloaded at every start; and the bureau's fixes for single products, which win
-- over the rules and outlive a change of title.
CREATE TABLE category_rules (
    position INTEGER PRIMARY KEY,
    category TEXT NOT NULL,
    farm INTEGER NOT NULL,
    keywords TEXT NOT NULL
);

CREATE TABLE product_categories (
    platform TEXT NOT NULL,
    shop TEXT NOT NULL,
    product_id TEXT NOT NULL,
    category TEXT NOT NULL,
    farm INTEGER NOT NULL,
    fixed_by TEXT NOT NULL,
    fixed_at TEXT NOT NULL,
    PRIMARY KEY (platform, shop, product_id)
);
