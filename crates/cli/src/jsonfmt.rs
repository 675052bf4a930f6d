//! JSON text exactly as Python's json.dumps(indent=4, ensure_ascii=False) writes it.
