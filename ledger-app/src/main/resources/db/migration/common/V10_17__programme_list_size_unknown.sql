-- An item can stand for the known part of a list whose size the source does not give (川渝通办: "已完成155项", no list
-- total); its programme then has no completion rate. Listings recorded before this existed are of lists of known
-- size, so the defaults are what the rows projected from them rightly hold.
ALTER TABLE dash_programme_item ADD COLUMN unknown_list_items INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE dash_programme_item ADD COLUMN list_size_unknown BOOLEAN DEFAULT FALSE NOT NULL;
