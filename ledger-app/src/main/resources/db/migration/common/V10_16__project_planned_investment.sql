-- A project's total planned investment (总投资), a kind of amount apart from its agreed investment (协议投资): some
-- sources report only that ("集中开工11个项目，总投资40.27亿元"). Events recorded before it existed have none, so the
-- rows projected from them rightly hold NULL here and keep their agreed investment as it was.
ALTER TABLE dash_project ADD COLUMN planned_investment DECIMAL(22,2);
