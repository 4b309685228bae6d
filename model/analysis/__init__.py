"""Analysis behind the lessons and the Insight workspace."""
